"""The general report as documents and data: HTML (with charts), CSV, JSON and XLSX."""
