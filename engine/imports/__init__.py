"""Reading answers back from documents: fillable Word forms (see :mod:`engine.export.form`).

- :mod:`~engine.imports.package` reads a DOCX's content controls and the text around them, as Word
  and LibreOffice write them;
- :mod:`~engine.imports.form` turns them into a response, by tag, with every problem located by
  question number.
"""
