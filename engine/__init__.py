"""untoc: the engine of the UNTOC Review Mechanism's self-assessment questionnaires.

Layout, in the direction data flows:
``definition`` (questionnaire format, loading) → ``conditions`` (parse, resolve,
evaluate) → ``responses`` (response files) → ``validation`` (findings, reports) →
``export`` and ``cli`` (which consume the engine; the engine never imports them).
"""

__version__ = "0.1.0"

HOME_PAGE = "https://github.com/untoc/untoc"
"""Where the project lives (also in pyproject.toml's ``[project.urls]``; a test keeps them equal)."""
ISSUES = HOME_PAGE + "/issues"
"""Where to report a bug."""
