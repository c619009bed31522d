"""The terminal UI (``untoc fill``): fill a response file question by question.

It consumes the engine (definition, conditions, responses, validation); the engine
never imports it.
"""
