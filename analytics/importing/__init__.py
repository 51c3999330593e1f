"""Statistics files: read a CSV or XLSX file, recognise its layout, validate every row.

Pure where possible (``readers``, ``layouts``, ``errors``); ``validate`` needs the
organisation's channels, given to it as plain tuples. The services
(``analytics.services.imports``) store, check and commit; the command ``import_stats`` and the
web pages call them.
"""
