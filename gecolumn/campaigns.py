"""The awareness calendar: which campaign, if any, is "of the moment" on a given day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Campaign:
    """A yearly campaign; single-day ones are shown from a week before to the day itself."""

    name: str
    first: tuple[int, int]
    """(month, day) the campaign is shown from."""
    last: tuple[int, int]
    """(month, day) it is shown until, included."""
    tag: str
    """The tag its posts usually carry."""

    def covers(self, day: datetime.date) -> bool:
        return self.first <= (day.month, day.day) <= self.last


CAMPAIGNS = (
    Campaign("Ngày Quốc tế Phụ nữ 8/3", (3, 1), (3, 8), "Ngày Quốc tế Phụ nữ"),
    Campaign("Ngày Quốc tế Hạnh phúc 20/3", (3, 13), (3, 20), "Ngày Quốc tế Hạnh phúc"),
    Campaign("Ngày Gia đình Việt Nam 28/6", (6, 21), (6, 28), "Ngày Gia đình Việt Nam"),
    Campaign(
        "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11–15/12)",
        (11, 15),
        (12, 15),
        "Tháng hành động vì bình đẳng giới",
    ),
)


def campaign_of(day: datetime.date) -> Campaign | None:
    """The campaign running on ``day``, if any."""
    return next((campaign for campaign in CAMPAIGNS if campaign.covers(day)), None)
