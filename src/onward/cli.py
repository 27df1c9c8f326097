"""The ``onward`` command (installed with the package)."""

from __future__ import annotations

from pathlib import Path

import click

from . import __version__
from .centre_catalogues import CataloguesError
from .scaffold import NotEmptyError, new_site


@click.group()
@click.version_option(__version__, prog_name="Onward")
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
    click.echo("  npm ci            # the Python runtime for worksheet insights (Pyodide), as Onward pins it")
    click.echo("  onward check      # your settings and overlay, checked without building")
    click.echo("  mkdocs serve      # try it at http://127.0.0.1:8000/")
    click.echo("Then edit centre.yml, set site_url in mkdocs.yml, and see overlay/overlay.yml to change the guide.")


@main.command("check")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--strict", is_flag=True, help="Count warnings as problems, as `mkdocs build --strict` does.")
def check_command(directory: Path, strict: bool) -> None:
    """Check the site in DIRECTORY (default: here) as a build would, without building: every problem at once."""
    from .check import check_site

    config = directory / "mkdocs.yml"
    if not config.is_file():
        raise click.ClickException(f"no mkdocs.yml in {directory}: run this in the folder `onward new-site` made")
    report = check_site(config)
    for line in report.lines():
        click.echo(line)
    if report.failed(strict):
        raise SystemExit(1)


@main.command("ids")
def ids_command() -> None:
    """List every page, section and worksheet id of this Onward, with its title."""
    from .ids import ids_lines

    for line in ids_lines():
        click.echo(line)


@main.command("catalogues")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
def catalogues_command(directory: Path) -> None:
    """Write the translation templates of the overlay's own texts, and update each language's catalogue.

    The templates go in OVERLAY/locales/ (content.pot, worksheets.pot); start a language with
    `pybabel init -D content -i overlay/locales/content.pot -d overlay/locales -l fr`, and set
    `language` in overlay.yml to the language the overlay is written in.
    """
    from .centre_catalogues import write_centre_catalogues

    config = directory / "mkdocs.yml"
    if not config.is_file():
        raise click.ClickException(f"no mkdocs.yml in {directory}: run this in the folder `onward new-site` made")
    try:
        written = write_centre_catalogues(config)
    except CataloguesError as exc:
        raise click.ClickException(str(exc)) from None
    for file in written:
        click.echo(f"wrote {file}")
    if not written:
        click.echo("The catalogues were already up to date.")
