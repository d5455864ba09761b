"""YAML documents people write (case files, curated knowledge, procedures, profiles), read with line and
column positions so that every validation problem can say where it is."""
