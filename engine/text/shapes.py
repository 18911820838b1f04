"""The wording of the shapes drawn under the learner's code (engine.checker.shapes, shape_text)."""

from engine.text import register

TEMPLATES = {
    "checker.shapes.title": "shapes under your code (each tensor your code computed, under its name or operator):",
}

register(TEMPLATES)
