"""What a site shows when its configuration says nothing: generic, honest, no invented numbers."""

from __future__ import annotations

from typing import Any

DEFAULT_HELP: dict[str, Any] = {
    "title": "Need to talk to someone?",
    "intro": (
        "Being turned down can hit harder than people expect. "
        "You do not have to carry it on your own."
    ),
    "contacts": [
        {
            "name": "A careers adviser",
            "description": (
                "Your university, college or local careers service can talk the decision through "
                "with you and help you plan what to try next."
            ),
        },
        {
            "name": "Your doctor",
            "description": (
                "If low mood, worry or poor sleep last more than a couple of weeks, "
                "a doctor can listen and tell you what support is near you."
            ),
        },
        {
            "name": "A helpline",
            "description": (
                "If you feel overwhelmed or unsafe, call your local emergency number now, "
                "or a listening helpline in your country. You do not need to be in crisis to call one."
            ),
        },
    ],
}
