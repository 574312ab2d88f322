"""Every finding code kamgraph reports: its severity, what is wrong, and how to fix it.

This is the one list of codes. The loader and the checks make findings through
:func:`kamgraph.findings.make_finding`, which takes the severity from here and
refuses an unknown code, so a code cannot be used without being documented; the README's
error table is this list (a test compares them). ``stage`` says who reports
it: the loader (files and syntax), kamgraph's own checks in Python, or the
SHACL shapes of the KAM ontology (``ontology/shapes.ttl``, where the code is
the shape's ``sh:name``). An ontology's own shapes may bring codes of their own.

Texts are Markdown, as the README shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamgraph.findings.report import Severity

LOAD, CHECKS, SHAPES = "load", "checks", "shapes"


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    stage: str
    problem: str  # what is wrong (Markdown)
    fix: str  # how to fix it (Markdown)


CODES: dict[str, Code] = {code.code: code for code in (
    Code('file-not-found', Severity.ERROR, LOAD,
         'an `--ontology` path does not exist, a file vanished between listing and reading, or a '
         'symbolic link points to nothing',
         'check the path; fix or remove the link'),
    Code('no-turtle-files', Severity.ERROR, LOAD,
         'a folder given to `--ontology` holds no `*.ttl` file',
         'add one, or point at another folder'),
    Code('unreadable-file', Severity.ERROR, LOAD,
         'a file cannot be read: permissions, a symbolic link loop, a pipe or device named `*.ttl`, '
         'or a folder where a file was expected',
         'make it readable, or point the link at a file'),
    Code('not-utf8', Severity.ERROR, LOAD,
         'the file has bytes that are not UTF-8 (line and column of the first)',
         'save the file as UTF-8'),
    Code('syntax-error', Severity.ERROR, LOAD,
         'the Turtle is invalid; the strict parser gives line and column',
         'fix the Turtle at that position (the error is often at the end of the statement before)'),
    Code('bad-language-tag', Severity.ERROR, LOAD,
         'a language tag is not a well-formed BCP 47 tag (`@-nl`, `@en-a`, a subtag longer than 8)',
         'write `@nl`, `@en` or a region form like `@en-GB`'),
    Code('rdf12-unsupported', Severity.ERROR, LOAD,
         'the file uses RDF 1.2: a triple term `<<( … )>>`, a reified triple `<< … >>`, a reifier `~`, an '
         'annotation block or a base direction `@ar--rtl`; kamgraph reads RDF 1.1 data and refuses these '
         '(line and column of the first, named)',
         'state the statement itself (annotate it with `owl:Axiom`, as `kam-relations.ttl` does); '
         'drop `--ltr`/`--rtl`'),
    Code('unknown-language-tag', Severity.ERROR, CHECKS,
         'a language tag is well-formed but names no registered language (`@dutch`, `@du`, `@en-XX`), so no '
         'language of the map shows the text; region tags such as `@en-GB` are fine and count as their language',
         'write the tag the hint names (`"…"@nl`)'),
    Code('unknown-property', Severity.ERROR, CHECKS,
         'a property is declared nowhere (`kamo:concern`) or is not a term of its W3C vocabulary '
         '(`skos:prefLable`), so the statement is ignored',
         'fix the name (the hint names the closest declared property) or declare the property'),
    Code('unknown-class', Severity.ERROR, CHECKS,
         'a class (category) is declared nowhere (`a kamo:Activty`), so the concept is drawn in the '
         'default category',
         'fix the name (the hint names the closest category) or declare it with `rdfs:subClassOf skos:Concept`'),
    Code('unknown-resource', Severity.ERROR, CHECKS,
         "a value in the ontology's own namespaces is declared nowhere: a section (`dcterms:source "
         "kam:Section_S31`), a scheme (`skos:inScheme kam:Schema`), a reference",
         'fix the name (the hint names the closest declared one) or declare it'),
    Code('missing-reading', Severity.ERROR, CHECKS,
         'a relation type has no `rdfs:label` (forward reading) or no `kamo:inverseLabel` (backward '
         'reading), so the map shows its bare name in the sentence',
         'add the reading in every language of the map'),
    Code('missing-reading-language', Severity.WARNING, CHECKS,
         "a relation type's reading in one direction is missing in a language of the map, which then "
         'falls back to another language',
         'add the reading in that language'),
    Code('conflicting-categories', Severity.ERROR, CHECKS,
         'one concept is put in different categories by two files; the message names both places',
         'describe the concept in one file, or give it the same category in both'),
    Code('conflicting-prefix', Severity.ERROR, CHECKS,
         'one prefix name is bound to different namespaces in different files, so the same `prefix:Name` '
         'means two things; reported in the file(s) that differ from the others',
         'bind the prefix as the other files do, or use another prefix name'),
    Code('duplicate-shape', Severity.ERROR, CHECKS,
         'a SHACL shape is defined in two shapes files (e.g. a backup copy of `shapes.ttl` in a subfolder); '
         'only the first file\'s shapes are used',
         'delete the copy, or move it out of the ontology folder'),
    Code('invalid-shape', Severity.ERROR, CHECKS,
         "a SHACL shape breaks SHACL's own rules (pySHACL's shapes-graph checks), e.g. "
         '`sh:minCount "one"`; the shapes are not run until it is fixed',
         'fix the value the message names (e.g. `sh:minCount 1`)'),
    Code('shapes-with-data', Severity.ERROR, LOAD,
         'one file holds both SHACL shapes and concepts; a shapes file is not read as ontology data, so its '
         'concepts are lost',
         'move the concepts (or the shapes) into a file of their own'),
    Code('ill-typed-literal', Severity.ERROR, CHECKS,
         'a literal\'s text does not fit its datatype, e.g. `"twelve"^^xsd:integer` or `"2026-13-01"^^xsd:date`',
         'write a valid value, or change the datatype'),
    Code('empty-ontology', Severity.ERROR, LOAD,
         'the files hold no statements at all',
         'point `--ontology` at the files with the concepts'),
    Code('bad-colour', Severity.WARNING, CHECKS,
         "a category's `kamo:colour` is not a plain hex colour (`#rgb`, `#rrggbb`, with or without "
         'alpha); the map ignores it and uses a palette colour',
         'write it as `"#rrggbb"`'),
    Code('empty-file', Severity.WARNING, LOAD,
         'one file holds no statements',
         'remove it or fill it'),
    Code('undeclared-concept', Severity.ERROR, CHECKS,
         'a relation points to something that is not a declared concept',
         'fix the name (the hint suggests the closest existing one) or declare the concept'),
    Code('deprecated-target', Severity.WARNING, CHECKS,
         'a relation points to a concept marked `owl:deprecated true` (retired concepts are not '
         'drawn, so neither is the link)',
         'point the link at the concept that replaces it (`dcterms:isReplacedBy`)'),
    Code('relation-to-literal', Severity.ERROR, CHECKS,
         "a relation's object is a literal, not a concept",
         'use a concept IRI'),
    Code('broader-cycle', Severity.ERROR, CHECKS,
         '`skos:broader` / narrower-like relations loop back on themselves',
         'remove one link of the loop'),
    Code('missing-label-nl', Severity.ERROR, SHAPES,
         'a concept has no Dutch `skos:prefLabel`',
         'add `skos:prefLabel "…"@nl`'),
    Code('missing-label-en', Severity.ERROR, SHAPES,
         'a concept has no English `skos:prefLabel`',
         'add `skos:prefLabel "…"@en`'),
    Code('missing-label', Severity.WARNING, CHECKS,
         '(generic SKOS checks) a concept has no `skos:prefLabel` at all',
         'add one; the map shows the local name meanwhile'),
    Code('duplicate-label-language', Severity.ERROR, CHECKS,
         'more than one `skos:prefLabel` in one language (SKOS S14)',
         'keep one; make the others `skos:altLabel`'),
    Code('label-not-langstring', Severity.ERROR, SHAPES,
         'a `skos:prefLabel` has no language tag',
         'add `@nl` or `@en`'),
    Code('empty-label', Severity.ERROR, CHECKS,
         'a `skos:prefLabel` is empty or only white space',
         'write the label'),
    Code('label-also-alt', Severity.ERROR, CHECKS,
         'the same text is both `prefLabel` and `altLabel` (SKOS S13)',
         'remove the altLabel'),
    Code('related-and-broader', Severity.ERROR, CHECKS,
         'two concepts are linked both associatively and hierarchically (SKOS S27), sub-properties '
         'included: e.g. `kamo:concerns` one way and `kamo:hasExample` the other',
         'keep one of the two'),
    Code('duplicate-label', Severity.ERROR, CHECKS,
         'two concepts have the same `skos:prefLabel` in one language (case and spacing ignored)',
         'give each its own label, or merge the two concepts'),
    Code('conflicting-labels', Severity.ERROR, CHECKS,
         'one concept gets different `skos:prefLabel`s in one language from two files; the message '
         'names both files',
         'describe the concept in one file, or make the labels agree'),
    Code('missing-category', Severity.WARNING, CHECKS,
         'the ontology declares categories but a concept is in none (it is drawn in the default '
         '"Concept" category)',
         'add `a kamo:<Category>` to it'),
    Code('orphan-concept', Severity.WARNING, CHECKS,
         'a concept has no relation to any other concept, so it floats alone on the map',
         'relate it to at least one concept'),
    Code('missing-definition', Severity.WARNING, SHAPES,
         'a concept has no `skos:definition`, `kamo:standardDefinition` or editorial `kamo:explanation`',
         "add the source's definition, one from the literature, or an editorial explanation"),
    Code('missing-source', Severity.ERROR, SHAPES,
         'a concept has no `dcterms:source` IRI',
         'point it to its section (`kam:Section_S…`) or reference (`kam:Ref_…`)'),
    Code('missing-origin', Severity.WARNING, SHAPES,
         '`kamo:origin` is missing or not `"source"` / `"beyond-source"`',
         'write `kamo:origin "source"` (or `"beyond-source"`)'),
    Code('missing-scheme', Severity.WARNING, SHAPES,
         'a concept has no `skos:inScheme`',
         'add `skos:inScheme kam:Scheme`'),
    Code('missing-title', Severity.ERROR, SHAPES,
         'an `owl:Ontology` has no `dcterms:title`',
         'add one'),
    Code('missing-version', Severity.ERROR, SHAPES,
         'an `owl:Ontology` has no `owl:versionInfo`',
         'add one'),
    Code('missing-license', Severity.ERROR, SHAPES,
         'an `owl:Ontology` has no `dcterms:license`',
         'add one'),
    Code('license-not-iri', Severity.ERROR, SHAPES,
         'the licence is a literal',
         "use the licence's IRI, e.g. `<https://creativecommons.org/licenses/by/4.0/>`"),
    Code('sheet-unreadable', Severity.ERROR, LOAD,
         'a spreadsheet given to `kamgraph import` cannot be read: no such file, not UTF-8 CSV, not an '
         '`.xlsx` workbook, or no such sheet',
         'save it as UTF-8 CSV or `.xlsx`; name the sheet with `--sheet`'),
    Code('sheet-missing-column', Severity.ERROR, LOAD,
         'the sheet has no `id` column, or no `label_<language>` column',
         'use the header row `kamgraph export --format csv` writes (`id`, `label_nl`, `label_en`, `category`, …)'),
    Code('sheet-bad-cell', Severity.ERROR, LOAD,
         'a cell of an imported sheet cannot be used: an unknown prefix, category, section, source or '
         'relation, a relation target that is no concept, or an id used twice (sheet, row and column are named)',
         'correct the cell; the hint suggests the closest known name'),
)}
