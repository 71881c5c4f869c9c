"""The codes a report writes for a choice (``status: building``) and what each means in Chinese: the
choices of the report's models, the drop-downs of a workbook, the meaning beside a code in Chinese output.

Plain data, light to import: the measuring layer words a code without loading the models.
"""

from __future__ import annotations

from zhijiao_check.wording import Seq, msg, seq

KIND_LABELS = {
    "county": "县市区",
    "management_area": "管理区",
    "development_zone": "经开区",
    "city": "市本级",
}
LEVEL_LABELS = {"secondary": "中职，含技工学校", "higher": "高职"}
OWNERSHIP_LABELS = {"public": "公办", "private": "民办"}
SCHOOL_DESIGNATION_LABELS = {
    "quality_school": "优质中职学校",
    "chuyi_brand": "楚怡品牌学校",
    "undergraduate": "职业本科",
}
RATING_LABELS = {"green": "绿牌", "yellow": "黄牌", "red": "红牌"}
MAJOR_DESIGNATION_LABELS = {
    "quality": "优质中职专业",
    "demonstration": "示范中职专业",
    "chuyi": "楚怡专业",
    "high_level": "高水平高职专业",
}
PROJECT_LABELS = {"not_started": "未开工", "building": "在建", "completed": "已完工并投入使用"}
# Every code a condition of a rule may compare a field with, and its meaning.
VALUE_LABELS = {
    **LEVEL_LABELS,
    **OWNERSHIP_LABELS,
    **RATING_LABELS,
    **SCHOOL_DESIGNATION_LABELS,
    **MAJOR_DESIGNATION_LABELS,
    **PROJECT_LABELS,
}


def with_meaning(code: str) -> Seq:
    """A report's code with what it means, in the language shown (``report.meaning-<code>``):
    ``building（在建）``, ``building (under construction)``. The one way a code is said so: in the values a
    choice allows, in a condition's value, in an English template's comment."""
    return seq(code, msg("engine.paren", text=msg(f"report.meaning-{code}")))
