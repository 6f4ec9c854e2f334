"""The awareness calendar: the year's campaigns, the one "of the moment" on a day, and the post each one starts.

Each campaign is one line of :data:`CAMPAIGNS`: the home page's box, the tag its posts carry
and ``gecolumn new-post --campaign <id>`` all read it there.

>>> campaign_of(datetime.date(2024, 3, 5)).tag
'Ngày Quốc tế Phụ nữ'
>>> campaign("28-6").template.title.format(year=2025)
'Ngày Gia đình Việt Nam 28/6/2025'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

MonthDay = tuple[int, int]


@dataclass(frozen=True)
class PostTemplate:
    """A ready start for a post about a campaign; ``{year}`` in any text is the post's year."""

    title: str
    more_tags: tuple[str, ...]
    """Tags besides the campaign's own."""
    summary: str
    body: str


@dataclass(frozen=True)
class Campaign:
    """A yearly campaign; single-day ones are shown from a week before to the day itself."""

    id: str
    """What ``new-post --campaign`` takes (``8-3``)."""
    name: str
    """As the home page names it."""
    window: tuple[MonthDay, MonthDay]
    """(month, day) it is shown from, and until, both included."""
    tag: str
    """The tag its posts carry: the home page lists the campaign's posts by it."""
    template: PostTemplate | None = None

    def covers(self, day: datetime.date) -> bool:
        first, last = self.window
        return first <= (day.month, day.day) <= last

    @property
    def post_tags(self) -> tuple[str, ...]:
        """The tags a post started from the template gets: the campaign's first."""
        return (self.tag, *(self.template.more_tags if self.template else ()))


CAMPAIGNS = (
    Campaign(
        "8-3",
        "Ngày Quốc tế Phụ nữ 8/3",
        ((3, 1), (3, 8)),
        "Ngày Quốc tế Phụ nữ",
        PostTemplate(
            "Kỷ niệm Ngày Quốc tế Phụ nữ 8/3/{year}",
            ("Giỏi việc trường – Đảm việc nhà",),
            "Hoạt động của nhà trường nhân Ngày Quốc tế Phụ nữ 8/3.",
            "Nhân kỷ niệm Ngày Quốc tế Phụ nữ 8/3/{year}, …\n\n"
            "## Hoạt động\n\n- …\n\n## Thông điệp\n\nPhụ nữ và nam giới có quyền ngang nhau trong học tập, lao động và gia đình.\n",
        ),
    ),
    Campaign("20-3", "Ngày Quốc tế Hạnh phúc 20/3", ((3, 13), (3, 20)), "Ngày Quốc tế Hạnh phúc"),
    Campaign(
        "28-6",
        "Ngày Gia đình Việt Nam 28/6",
        ((6, 21), (6, 28)),
        "Ngày Gia đình Việt Nam",
        PostTemplate(
            "Ngày Gia đình Việt Nam 28/6/{year}",
            ("Phòng chống bạo lực gia đình",),
            "Hưởng ứng Ngày Gia đình Việt Nam 28/6: gia đình bình đẳng, không bạo lực.",
            "Hưởng ứng Ngày Gia đình Việt Nam 28/6/{year}, …\n\n"
            "## Chia sẻ việc nhà\n\n…\n\nNếu em hoặc người thân bị bạo lực, hãy gọi **Tổng đài quốc gia bảo vệ trẻ em 111**.\n",
        ),
    ),
    Campaign(
        "thang-hanh-dong",
        "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11–15/12)",
        ((11, 15), (12, 15)),
        "Tháng hành động vì bình đẳng giới",
        PostTemplate(
            "Hưởng ứng Tháng hành động vì bình đẳng giới năm {year}",
            ("Bạo lực trên cơ sở giới",),
            "Các hoạt động của nhà trường từ 15/11 đến 15/12/{year}.",
            "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm {year} "
            "diễn ra từ ngày 15/11 đến 15/12.\n\n## Các hoạt động của nhà trường\n\n- …\n",
        ),
    ),
)

WITH_TEMPLATE = tuple(c.id for c in CAMPAIGNS if c.template is not None)
"""The ids ``new-post --campaign`` takes."""


def campaign(campaign_id: str) -> Campaign:
    """The campaign with this id; ``KeyError`` if there is none."""
    found = next((c for c in CAMPAIGNS if c.id == campaign_id), None)
    if found is None:
        raise KeyError(campaign_id)
    return found


def campaign_of(day: datetime.date) -> Campaign | None:
    """The campaign running on ``day``, if any."""
    return next((c for c in CAMPAIGNS if c.covers(day)), None)
