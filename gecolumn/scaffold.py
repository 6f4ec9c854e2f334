"""New posts: the file a staff member starts from, with every front-matter field filled in.

>>> draft = scaffold("Bình đẳng giới", "thcs-bao-khe", parse_post_date("08/03/2024"))
>>> draft.path, draft.text.splitlines()[1]
('2024/binh-dang-gioi.md', 'title: Bình đẳng giới')
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import frontmatter

from gecolumn.campaigns import campaign as campaign_by_id
from gecolumn.quarters import Quarter
from gecolumn.slugs import slug_of

PLAIN_BODY = "Đoạn mở đầu: sự kiện, thời gian, địa điểm, ai tham gia.\n\n## Nội dung chính\n\n…\n\n## Thông điệp\n\n…\n"


@dataclass(frozen=True)
class NewPost:
    path: str
    """Relative to the posts folder: ``<year>/<slug>.md``."""
    text: str


def scaffold(
    title: str,
    unit: str,
    moment: datetime.datetime,
    campaign: str | None = None,
    author: str | None = None,
    tags: tuple[str, ...] = (),
    body: str | None = None,
    summary: str | None = None,
    welcome: bool = False,
    image: str | None = None,
    draft: bool | None = None,
) -> NewPost:
    """The file for a new post: front-matter with the quarter of ``moment``, and ``body`` or a skeleton.

    A skeleton is a draft (``draft: true``): a post nobody has written yet must not be
    published, nor count for its quarter; the author removes the line when the post is done.
    ``draft`` says it of a post with a body too (one imported, not yet read by its author).
    """
    chosen = campaign_by_id(campaign) if campaign else None
    template = chosen.template if chosen else None
    when = moment.strftime("%d/%m/%Y %H:%M") if (moment.hour, moment.minute) != (0, 0) else moment.strftime("%d/%m/%Y")
    meta = {
        "title": title,
        "date": when,
        "quarter": str(Quarter.of(moment.date())),
        "unit": unit,
        "tags": list(dict.fromkeys((*(chosen.post_tags if chosen else ()), *tags))),
        "summary": summary or (template.summary.format(year=moment.year) if template else ""),
        "author": author or "",
    }
    if image:
        meta["image"] = image
    if welcome:
        meta["welcome"] = True  # the column's welcome: published, never a quarter's post
    if body is None:
        body = template.body.format(year=moment.year) if template else PLAIN_BODY
        draft = True if draft is None else draft
    if draft:
        meta["draft"] = True
    text = frontmatter.dumps(frontmatter.Post(body, **meta), sort_keys=False) + "\n"
    return NewPost(post_path(title, moment), text)


def post_path(title: str, moment: datetime.datetime) -> str:
    """Where a new post with this title goes, relative to the posts folder: ``<year>/<slug>.md``."""
    return f"{moment.year}/{slug_of(title) or 'bai-viet'}.md"


def default_title(campaign: str | None, year: int) -> str | None:
    """The title of ``campaign``'s template (by id) in ``year``; None without one."""
    template = campaign_by_id(campaign).template if campaign else None
    return template.title.format(year=year) if template else None
