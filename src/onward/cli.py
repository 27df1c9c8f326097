"""The ``onward`` command (installed with the package)."""

from __future__ import annotations

from pathlib import Path

import click

from .scaffold import NotEmptyError, new_site


@click.group()
def main() -> None:
    """Onward: a guide for people who have just been turned down for a job."""


@main.command("new-site")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--name", required=True, help='Your career centre\'s full name, e.g. "Example University Careers Service".')
def new_site_command(directory: Path, name: str) -> None:
    """Create DIRECTORY: a career centre's own copy of Onward, ready for `mkdocs build`."""
    if not name.strip():
        raise click.BadParameter("give the centre's name", param_hint="--name")
    try:
        new_site(directory, name.strip())
    except NotEmptyError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {directory}. Next:")
    click.echo(f"  cd {directory}")
    click.echo("  npm install       # the Python runtime for worksheet insights (Pyodide)")
    click.echo("  mkdocs build      # the site, in site/")
    click.echo("Then edit centre.yml, and see overlay/overlay.yml to change the guide's content.")
