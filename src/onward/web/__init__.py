"""The web application: a REST API under ``/api`` and server-rendered pages for a small team.

``create_app(settings, store)`` in ``onward.web.app`` builds it; nothing here runs at import time.
"""
