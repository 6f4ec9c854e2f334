"""New posts: the file a staff member starts from, with every front-matter field filled in.

>>> draft = scaffold("Bình đẳng giới", "thcs-bao-khe", parse_post_date("08/03/2024"))
>>> draft.path, draft.text.splitlines()[1]
('2024/binh-dang-gioi.md', 'title: Bình đẳng giới')
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import frontmatter

from gecolumn.quarters import Quarter
from gecolumn.slugs import slug_of


@dataclass(frozen=True)
class CampaignTemplate:
    """A ready start for a post about one of the year's campaigns."""

    title: str
    """With ``{year}``."""
    tags: tuple[str, ...]
    summary: str
    body: str


CAMPAIGN_TEMPLATES = {
    "8-3": CampaignTemplate(
        "Kỷ niệm Ngày Quốc tế Phụ nữ 8/3/{year}",
        ("Ngày Quốc tế Phụ nữ", "Giỏi việc trường – Đảm việc nhà"),
        "Hoạt động của nhà trường nhân Ngày Quốc tế Phụ nữ 8/3.",
        "Nhân kỷ niệm Ngày Quốc tế Phụ nữ 8/3/{year}, …\n\n"
        "## Hoạt động\n\n- …\n\n## Thông điệp\n\nPhụ nữ và nam giới có quyền ngang nhau trong học tập, lao động và gia đình.\n",
    ),
    "28-6": CampaignTemplate(
        "Ngày Gia đình Việt Nam 28/6/{year}",
        ("Ngày Gia đình Việt Nam", "Phòng chống bạo lực gia đình"),
        "Hưởng ứng Ngày Gia đình Việt Nam 28/6: gia đình bình đẳng, không bạo lực.",
        "Hưởng ứng Ngày Gia đình Việt Nam 28/6/{year}, …\n\n"
        "## Chia sẻ việc nhà\n\n…\n\nNếu em hoặc người thân bị bạo lực, hãy gọi **Tổng đài quốc gia bảo vệ trẻ em 111**.\n",
    ),
    "thang-hanh-dong": CampaignTemplate(
        "Hưởng ứng Tháng hành động vì bình đẳng giới năm {year}",
        ("Tháng hành động vì bình đẳng giới", "Bạo lực trên cơ sở giới"),
        "Các hoạt động của nhà trường từ 15/11 đến 15/12/{year}.",
        "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm {year} "
        "diễn ra từ ngày 15/11 đến 15/12.\n\n## Các hoạt động của nhà trường\n\n- …\n",
    ),
}

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
) -> NewPost:
    """The file for a new post: front-matter with the quarter of ``moment``, and ``body`` or a skeleton.

    A skeleton is a draft (``draft: true``): a post nobody has written yet must not be
    published, nor count for its quarter; the author removes the line when the post is done.
    """
    template = CAMPAIGN_TEMPLATES[campaign] if campaign else None
    when = moment.strftime("%d/%m/%Y %H:%M") if (moment.hour, moment.minute) != (0, 0) else moment.strftime("%d/%m/%Y")
    meta = {
        "title": title,
        "date": when,
        "quarter": str(Quarter.of(moment.date())),
        "unit": unit,
        "tags": list(dict.fromkeys((*(template.tags if template else ()), *tags))),
        "summary": summary or (template.summary.format(year=moment.year) if template else ""),
        "author": author or "",
    }
    if body is None:
        body = template.body.format(year=moment.year) if template else PLAIN_BODY
        meta["draft"] = True
    text = frontmatter.dumps(frontmatter.Post(body, **meta), sort_keys=False) + "\n"
    return NewPost(post_path(title, moment), text)


def post_path(title: str, moment: datetime.datetime) -> str:
    """Where a new post with this title goes, relative to the posts folder: ``<year>/<slug>.md``."""
    return f"{moment.year}/{slug_of(title) or 'bai-viet'}.md"


def default_title(campaign: str | None, year: int) -> str | None:
    return CAMPAIGN_TEMPLATES[campaign].title.format(year=year) if campaign else None
