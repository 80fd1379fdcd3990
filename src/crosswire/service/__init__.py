"""The HTTP service: JSON API, web UI and the background worker (``crosswire serve``).

Input → output: a store URL → a running server; see :mod:`crosswire.service.app`.
"""
