"""Server-rendered HTML pages (Jinja2), usable without JavaScript and enhanced by htmx when present."""
