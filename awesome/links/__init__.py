"""``awesome links``: a fast, polite, trustworthy dead-link checker for lists.

The entry point is :func:`awesome.links.run.check_links`; it is not imported here so that
importing this package (for its verdict types) does not import requests.
"""
