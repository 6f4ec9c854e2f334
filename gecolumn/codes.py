"""The catalogue of everything a column can report: one code per kind of finding, each said once.

A :class:`~gecolumn.problems.Problem` carries one of these codes; its Vietnamese and English
texts live in :mod:`gecolumn.messages`, and the staff guide (``docs/huong-dan.md``) explains
every one. Tests hold the three together: a code without a text or an explanation fails.
"""

from __future__ import annotations

import enum


class Code(enum.StrEnum):
    """What a finding is about. Values are the stable names shown in JSON and CI output."""

    # --- a post file as a whole
    NOT_UTF8 = "not_utf8"
    """The file is in an old encoding (TCVN3, VNI, Windows-1258), not UTF-8."""
    NO_FRONT_MATTER = "no_front_matter"
    """The file does not start with a ``---`` header."""
    UNCLOSED_FRONT_MATTER = "unclosed_front_matter"
    """The header opens with ``---`` and never closes."""
    YAML_SYNTAX = "yaml_syntax"
    """A header line libyaml cannot read (usually an unquoted colon)."""
    FRONT_MATTER_NOT_MAPPING = "front_matter_not_mapping"
    """The header is not ``name: value`` lines."""
    FRONT_MATTER_TOO_LARGE = "front_matter_too_large"
    """The header is larger than a header can sensibly be (16 KB)."""
    YAML_ALIAS = "yaml_alias"
    """The header uses YAML anchors or aliases, which can expand to gigabytes."""
    YAML_TAG = "yaml_tag"
    """The header uses an explicit YAML tag (``!…``)."""
    TOO_DEEP_NESTING = "too_deep_nesting"
    """Lists nest deeper than a header needs (libyaml would recurse without end)."""
    DUPLICATE_FIELD = "duplicate_field"
    """A field is written twice; YAML would silently keep the last."""

    # --- one field
    MISSING_FIELD = "missing_field"
    """A required field is not there."""
    EMPTY_FIELD = "empty_field"
    """A required field is there but empty (or only invisible characters)."""
    NOT_TEXT = "not_text"
    """A one-line field holds a list or a mapping."""
    TOO_LONG = "too_long"
    """A field (or a tag) is longer than its limit."""
    NOT_TAG_LIST = "not_tag_list"
    """``tags`` is not a list of texts."""
    TOO_MANY_TAGS = "too_many_tags"
    """More tags than a post should have (each tag is a page)."""
    NOT_BOOLEAN = "not_boolean"
    """``draft`` is neither true nor false."""
    BAD_DATE = "bad_date"
    """``date`` is not a date in a form staff write, or not a real day."""
    BAD_QUARTER = "bad_quarter"
    """``quarter`` cannot be read as a quarter."""
    QUARTER_MISMATCH = "quarter_mismatch"
    """``quarter`` is not the quarter of ``date``."""
    UNKNOWN_UNIT = "unknown_unit"
    """``unit`` is not configured in ``mkdocs.yml``."""
    UNIT_REQUIRED = "unit_required"
    """The column has several units and the post names none."""
    BAD_SLUG = "bad_slug"
    """``slug`` holds characters a URL name may not."""
    DUPLICATE_SLUG = "duplicate_slug"
    """Two posts would be published at the same address."""
    UNKNOWN_FIELD = "unknown_field"
    """A field the column does not use (often a typo)."""
    IMAGE_NOT_FOUND = "image_not_found"
    """The cover named by ``image`` is not a file next to the post."""
    IMAGE_BAD_URL = "image_bad_url"
    """``image`` is neither a file next to the post nor an http(s) URL."""

    # --- the body, when the page is built
    HTML_REMOVED = "html_removed"
    """Unsafe HTML (script, handlers, forms…) was removed from the body."""

    IMAGE_NO_ALT = "image_no_alt"
    """A photo in the body has no alt text (INFO: screen readers read nothing)."""

    # --- photos, when the site is built
    IMAGE_UNREADABLE = "image_unreadable"
    """A file named like a photo that is not one, or is truncated."""
    IMAGE_TOO_LARGE = "image_too_large"
    """A photo over 40 megapixels: surely a mistake, refused rather than stalling the build."""

    # --- other files under posts/
    SYMLINK_REFUSED = "symlink_refused"
    """A symlink: never followed, it could publish a file from outside the repository."""
    NOT_REGULAR_FILE = "not_regular_file"
    """A pipe, a device or a socket."""
    UNREADABLE_FILE = "unreadable_file"
    """The file cannot be opened."""
    FILE_TOO_LARGE = "file_too_large"
    """A post over 1 MB or an asset over 25 MB."""
    TOO_MANY_FILES = "too_many_files"
    """More files than any column holds."""
    TOO_DEEP = "too_deep"
    """Folders nest deeper than a column's."""
    ASSET_BACKUP = "asset_backup"
    """An editor's backup file, not published."""
    ASSET_POST_AS_TEXT = "asset_post_as_text"
    """A post saved as ``.md.txt``, not published."""
    ASSET_SCRIPT = "asset_script"
    """A file type that can carry script (``.html``, ``.svg``, ``.js``), not published."""
    ASSET_OTHER_TYPE = "asset_other_type"
    """A file type a column does not publish."""
    ASSET_CASE_CLASH = "asset_case_clash"
    """Two names differing only in case: one file on Windows and macOS."""

    # --- the quarterly rule, and posts not out yet
    MISSING_QUARTER = "missing_quarter"
    """A due quarter (or unit-quarter) ended without a post."""
    POST_DRAFT = "post_draft"
    """A valid post marked ``draft: true``: not published, not counted."""
    POST_SCHEDULED = "post_scheduled"
    """A valid post dated after today: published from its date on."""

    # --- settings
    CONFIG_MISSING = "config_missing"
    """A required setting under ``extra.column`` is missing."""
    CONFIG_BAD_QUARTER = "config_bad_quarter"
    """A setting that must be a quarter is not one."""
    CONFIG_BAD_VALUE = "config_bad_value"
    """A setting has a value of the wrong kind."""
    CONFIG_BAD_UNIT_ID = "config_bad_unit_id"
    """A unit id holds characters a URL name may not."""
    CONFIG_UNKNOWN_KEY = "config_unknown_key"
    """A setting the column does not use."""
    CONFIG_UNREADABLE = "config_unreadable"
    """``mkdocs.yml`` cannot be read at all."""
    CONFIG_REJECTED = "config_rejected"
    """MkDocs itself rejects a setting of ``mkdocs.yml``."""
    CONFIG_NOT_TEXT = "config_not_text"
    """A setting that must be one line of text is a list or a mapping."""
    NO_SITE_URL = "no_site_url"
    """``site_url`` is not set, so no feeds can be written."""
    START_AFTER_TODAY = "start_after_today"
    """The column's first due quarter has not begun: today is probably wrong."""

    # --- the commands
    BAD_TODAY = "bad_today"
    """``--today`` is not a date."""
    BAD_SOURCE_DATE_EPOCH = "bad_source_date_epoch"
    """``SOURCE_DATE_EPOCH`` is not a moment."""
    OUTPUT_UNWRITABLE = "output_unwritable"
    """A command cannot write its output where it was asked to."""
    INTERNAL_ERROR = "internal_error"
    """A bug in the program, not a problem in a post."""
