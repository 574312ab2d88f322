"""kamgraph validate: print every finding, compiler-style or as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kamgraph.cli import EXIT_ERRORS, cli
from kamgraph.cli.options import (
    endpoint_option,
    format_option,
    one_source,
    ontology_option,
    resolve_paths,
    timeout_option,
)
from kamgraph.cli.terminal import print_findings
from kamgraph.errors import LoadError
from kamgraph.findings import Report


@cli.command()
@ontology_option
@format_option("text", "json",
               help="text: one finding a line (file:line:column: severity [code]: message); json: a list of objects.")
@click.option("--strict", is_flag=True, help="Count warnings as errors (exit 1 when there is any).")
@endpoint_option
@timeout_option
def validate(paths: tuple[Path, ...], output_format: str, strict: bool, endpoint: str | None,
             timeout: float) -> None:
    """Check the ontology and print every finding.

    Exit code 0 when there are no errors (warnings allowed, unless --strict),
    1 otherwise, 2 for a usage error. Files that cannot be read or parsed are
    reported like any other finding.

    \b
    Example:
      kamgraph validate --ontology ontology/ --strict
      kamgraph validate --format json > findings.json
    """
    from kamgraph.pipeline import load_and_check

    one_source(paths, endpoint)
    try:
        report = load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout).report
    except LoadError as error:
        report = Report(error.findings)
    failed = report.has_errors or (strict and bool(report.warnings))
    if output_format == "json":
        click.echo(json.dumps({
            "findings": [finding.as_dict() for finding in report.findings],
            "errors": len(report.errors), "warnings": len(report.warnings), "strict": strict, "ok": not failed,
        }, indent=2, ensure_ascii=False))
    else:
        print_findings(report.findings, everything=True)
        click.echo(report.summary() + ("; --strict: warnings count as errors" if strict and report.warnings else ""),
                   err=True)
    if failed:
        sys.exit(EXIT_ERRORS)
