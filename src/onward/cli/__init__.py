"""Thin command-line commands: each parses options and calls one library function."""
