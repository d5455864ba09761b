"""Evidence: documents taken in with locators, searched to the paragraph, and turned into reviewed facts.

``ingest`` reads files (``readers/``: PDF, HTML, DOCX, text, Markdown, JSON lines) into passages;
``search`` finds them (``query`` parses the language, ``text`` normalises words identically for both
backends); ``extract/`` proposes transfer incidents, ``proposals`` queues them, ``review`` turns the
accepted ones into knowledge-base statements citing the passage; ``attach`` links a passage to a case.
"""
