"""The general report across States: read many response files, aggregate their answers.

``collect`` reads one file into a compact summary (run in parallel by the validator's batch
machinery); ``aggregate`` turns the summaries into the report's figures (``figures``), anonymous
unless asked otherwise (``redact``). Rendering them (HTML, CSV, JSON, XLSX) is an exporter's job:
see :mod:`engine.export.report`.
"""
