"""A mistake in a template, told as a place to fix: the template file and line, never a traceback.

Jinja compiles each template to Python; the frames it runs in carry the template they came
from (``__jinja_template__``), which maps the compiled line back to the template's own line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType, TracebackType

from jinja2 import TemplateError, TemplateSyntaxError

from .errors import Problem


def _template_line(frame: FrameType) -> tuple[str, int] | None:
    template = frame.f_globals.get("__jinja_template__")
    if template is None or not template.filename:
        return None
    return template.filename, template.get_corresponding_lineno(frame.f_lineno)


def calling_template() -> tuple[str, int] | None:
    """The template (file, line) whose code is running now, innermost first; None outside one."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        found = _template_line(frame)
        if found:
            return found
        frame = frame.f_back
    return None


def failing_template(traceback: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template (file, line) in an exception's traceback."""
    found = None
    while traceback is not None:
        found = _template_line(traceback.tb_frame) or found
        traceback = traceback.tb_next
    return found


def shorter(file: str, root: Path | None) -> str:
    try:
        return str(Path(file).resolve().relative_to(root.resolve())) if root else file
    except ValueError:
        return file


def template_problem(error: Exception, root: Path | None = None) -> Problem:
    """The problem an exception raised while rendering stands for, at its template's line."""
    if isinstance(error, TemplateSyntaxError):
        file, line = error.filename or error.name or "a template", error.lineno
        message = f"the template cannot be read: {error.message}"
    else:
        file, line = failing_template(error.__traceback__) or ("a template", None)
        message = error.message if isinstance(error, TemplateError) and error.message else str(error)
    return Problem(shorter(file, root), line, (Path(file).name.split(".")[0],), message)
