"""The unit report, format v1 (``/work/shared/spec/report-format.md``), as Pydantic models.

The models validate and document; the engine reads the plain loaded data, not model instances.
Optional fields are typed non-nullable with a default of ``None``: a field is either absent or holds a
value, and a blank (``teachers:``, which YAML reads as null) is an error, also in the generated JSON Schema.
Each scalar type runs a check from ``scalars`` first so that a wrong value gets a problem code that says
what to write instead. In each ``Annotated`` the ``Field`` bounds come before that check: placed after it,
Pydantic would wrap the check and write the bounds into the JSON Schema as non-standard ``ge``/``le``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from zhijiao_check.report import scalars
from zhijiao_check.report.codes import (
    KIND_LABELS,
    LEVEL_LABELS,
    MAJOR_DESIGNATION_LABELS,
    OWNERSHIP_LABELS,
    PROJECT_LABELS,
    RATING_LABELS,
    SCHOOL_DESIGNATION_LABELS,
)
from zhijiao_check.units import UnitKind

ClusterName = Literal["生物医药", "电子信息", "先进装备制造", "农产品精深加工", "轻纺箱包制鞋", "新材料"]
CLUSTERS: tuple[str, ...] = get_args(ClusterName)  # 六大制造产业集群
RoleName = Literal["专业带头人", "产业导师", "技能大师"]

Count = Annotated[int, Field(ge=0, le=scalars.MAXIMUM["count"]), BeforeValidator(scalars.whole("count"))]
Year = Annotated[
    int,
    Field(ge=scalars.REPORT_YEARS[0], le=scalars.REPORT_YEARS[1]),
    BeforeValidator(scalars.year(*scalars.REPORT_YEARS)),
]
# A founding year may be long past (the spec's own example school was founded in 1984).
FoundingYear = Annotated[int, Field(ge=1800, le=2100), BeforeValidator(scalars.year(1800, 2100))]
Yuan = Annotated[float, Field(ge=0, le=scalars.MAXIMUM["yuan"]), BeforeValidator(scalars.amount("yuan"))]
WanYuan = Annotated[
    float,
    Field(ge=0, le=scalars.MAXIMUM["wan_yuan"]),
    BeforeValidator(scalars.amount("wan_yuan", in_wan=True)),
]
Flag = Annotated[bool, BeforeValidator(scalars.flag)]
Text = Annotated[str, Field(min_length=1), BeforeValidator(scalars.text)]
DivisionCode = Annotated[str, Field(min_length=1), BeforeValidator(scalars.division_code)]

Kind = Annotated[UnitKind, BeforeValidator(scalars.choice(KIND_LABELS))]
Level = Annotated[Literal["secondary", "higher"], BeforeValidator(scalars.choice(LEVEL_LABELS))]
Ownership = Annotated[Literal["public", "private"], BeforeValidator(scalars.choice(OWNERSHIP_LABELS))]
SchoolDesignation = Annotated[
    Literal["quality_school", "chuyi_brand", "undergraduate"],
    BeforeValidator(scalars.choice(SCHOOL_DESIGNATION_LABELS)),
]
Rating = Annotated[Literal["green", "yellow", "red"], BeforeValidator(scalars.choice(RATING_LABELS))]
MajorDesignation = Annotated[
    Literal["quality", "demonstration", "chuyi", "high_level"],
    BeforeValidator(scalars.choice(MAJOR_DESIGNATION_LABELS)),
]
Project = Annotated[
    Literal["not_started", "building", "completed"], BeforeValidator(scalars.choice(PROJECT_LABELS))
]
Cluster = Annotated[ClusterName, BeforeValidator(scalars.choice(dict.fromkeys(CLUSTERS, "")))]
Role = Annotated[RoleName, BeforeValidator(scalars.choice(dict.fromkeys(get_args(RoleName), "")))]


def _no_null_defaults(schema: dict[str, Any]) -> None:
    """An absent optional field has no value, so the JSON Schema must not announce ``"default": null``."""
    for prop in schema.get("properties", {}).values():
        if prop.get("default", ...) is None:
            del prop["default"]


def optional(title: str, description: str) -> Any:
    return Field(default=None, title=title, description=description)


def required(title: str, description: str) -> Any:
    return Field(title=title, description=description)


class _Model(BaseModel):
    # Built when a report is first validated, as one validator for the whole report (``Report``), instead of
    # one for each of these classes as the module loads: a start did that work fourteen times.
    model_config = ConfigDict(
        extra="forbid", strict=True, json_schema_extra=_no_null_defaults, defer_build=True
    )


class ReportUnit(_Model):
    """填报单位。"""

    name: Text = required("单位名称", "填报单位名称，须为单位名单中的名称，如“冷水滩区”“永州市本级”")
    kind: Kind = required(
        "单位类别", "county 县市区 | management_area 管理区 | development_zone 经开区 | city 市本级"
    )
    code: DivisionCode = optional(
        "行政区划代码", "6 位 GB/T 2260 代码（加引号），须与单位名称一致；管理区、经开区无代码"
    )


class Enrollment(_Model):
    """高中阶段当年实际招生（人）。"""

    secondary_vocational: Count = optional("中职招生", "当年中职实际招生人数，含技工学校（人）")
    general_high_school: Count = optional("普通高中招生", "当年普通高中实际招生人数（人）")


class GeneralHighSchoolPlan(_Model):
    """普通高中招生计划（人）。"""

    current: Count = optional("当年计划", "当年普通高中招生计划（人）")
    next: Count = optional("下一年度计划", "下一年度普通高中招生计划（人）")


class TrainingBase(_Model):
    """一个已建成并投入使用的高水平实习实训基地。"""

    name: Text = required("基地名称", "实习实训基地名称")
    industry: Text = optional("面向产业", "基地服务的产业，如“电子信息”")


class Pathway3plus2(_Model):
    """“3+2”对口分段培养招生（人）。"""

    current: Count = optional("当年招生", "当年“3+2”对口分段培养招生人数（人）")
    previous: Count = optional(
        "上年招生", "上一年“3+2”对口分段培养招生人数（人），应与上年报告的当年招生一致"
    )


class Funding(_Model):
    """本级财政性教育经费（万元）。"""

    education_total: WanYuan = optional("教育经费总额", "上年本级财政性教育经费总额（万元）")
    vocational_total: WanYuan = optional("职业教育经费", "上年本级财政性教育经费中用于职业教育的部分（万元）")
    new_education: WanYuan = optional("新增教育经费", "当年新增财政性教育经费（万元）")
    new_vocational: WanYuan = optional(
        "新增职业教育经费", "当年新增财政性教育经费中投向职业教育的部分（万元）"
    )


class EnterprisePractice(_Model):
    """一组当年公费选派到企业实践的教师。"""

    teachers: Annotated[
        int, Field(ge=1, le=scalars.MAXIMUM["count"]), BeforeValidator(scalars.whole("count"))
    ] = required("教师人数", "本组教师人数（人，至少 1 人）")
    months: Annotated[
        float, Field(gt=0, le=scalars.MAXIMUM["months"]), BeforeValidator(scalars.amount("months"))
    ] = required("实践时长", "本组每人企业实践时长（月，大于 0，可有小数）")


class Major(_Model):
    """学校开设的一个专业。"""

    name: Text = required("专业名称", "专业名称，在本校内唯一")
    cluster: Cluster = optional("产业集群", "对接的六大制造产业集群之一：" + "、".join(CLUSTERS))
    rating: Rating = optional("评估结论", "最近一次专业评估结论：green 绿牌 | yellow 黄牌 | red 红牌")
    evaluated_in: Year = optional("评估年份", "最近一次专业评估的年份")
    enrollment: Count = optional("当年招生", "本专业当年招生人数（人）")
    previous_enrollment: Count = optional("上年招生", "本专业上年招生人数（人），应与上年报告的当年招生一致")
    pilot_1x: Flag = optional("“1+X”试点", "本专业纳入“1+X”证书制度试点：true 是 | false 否")
    designations: list[MajorDesignation] = optional(
        "专业称号",
        (
            "quality 优质中职专业 | demonstration 示范中职专业 | chuyi 楚怡专业 | high_level "
            "高水平高职专业，可多个"
        ),
    )


class School(_Model):
    """本单位所属的一所职业院校。"""

    name: Text = required("学校名称", "学校全称，在本报告内唯一")
    level: Level = required("办学层次", "secondary 中职（含技工学校） | higher 高职")
    ownership: Ownership = required("举办性质", "public 公办 | private 民办")
    established: FoundingYear = optional(
        "建校年份", "学校建立的年份；升格不改变建校年份，升格年份另填 upgraded"
    )
    upgraded: Year = optional(
        "升格年份", "学校升格（如中职升为高职、高职升为职业本科）的年份；新建学校不填，升格的学校不算新建"
    )
    students: Count = optional("在校生", "在校生人数（人）")
    appropriation_per_student: Yuan = optional("生均拨款", "生均拨款（元/生·年）")
    meets_standards: Flag = optional("达到设置标准", "办学条件达到设置标准：true 是 | false 否")
    teachers: Count = optional("专任教师", "专任教师人数（人）")
    professional_teachers: Count = optional(
        "专业课教师",
        "专任教师中的专业课教师人数（人），不大于专任教师数；“双师型”占比以此为分母，未填则以专任教师计",
    )
    dual_qualified_teachers: Count = optional(
        "“双师型”教师", "专任教师中“双师型”教师人数（人），不大于专业课教师数（未填则专任教师数）"
    )
    teachers_rotated: Count = optional(
        "已轮训教师", "本轮（2021–2025 年）已参加全员轮训的教师人数（人），不大于专任教师数"
    )
    enterprise_practice: list[EnterprisePractice] = optional(
        "企业实践", "当年公费选派到企业实践的教师，每组一项"
    )
    in_1x_pilot: Flag = optional("“1+X”试点", "学校参加“1+X”证书制度试点：true 是 | false 否")
    quality_committee: Flag = optional("校级质量管理委员会", "已建立校级质量管理委员会：true 是 | false 否")
    internship_management: Flag = optional(
        "校级实习实训管理机制", "已建立校级实习实训管理机制：true 是 | false 否"
    )
    part_time_teacher_rules: Flag = optional(
        "兼职教师自主聘任办法", "已建立学校自主聘任兼职教师管理办法：true 是 | false 否"
    )
    principal_responsibility: Flag = optional(
        "党委领导下的校长负责制", "已落实党委领导下的校长负责制（公办学校）：true 是 | false 否"
    )
    ideological_courses: Count = optional("思想政治优质课程", "本校已建成的思想政治优质课程数（门）")
    worker_training_bases: Count = optional(
        "示范性职工培训基地", "本校联合企业共建的示范性职工培训基地数（个）"
    )
    construction_project: Project = optional(
        "政策支持的建设项目",
        "仅第2条点名支持的学校填写（项目建设、改扩建、搬迁新建）："
        "not_started 未开工 | building 在建 | completed 已完工并投入使用",
    )
    designations: list[SchoolDesignation] = optional(
        "学校称号", "quality_school 优质中职学校 | chuyi_brand 楚怡品牌学校 | undergraduate 职业本科，可多个"
    )
    majors: list[Major] = optional("开设专业", "学校开设的专业，每个专业一项")


class TalentAllowance(_Model):
    """当年发放的一笔一次性人才津贴（一人一项，不写姓名）。"""

    role: Role = required("人才类别", "专业带头人 | 产业导师 | 技能大师")
    amount: Yuan = required("津贴金额", "一次性津贴金额（元）")


class ParkFunding(_Model):
    """当年受益财政给予一个产教融合示范园区的资金。"""

    name: Text = required("园区名称", "示范园区名称，须与 demonstration_parks 中的名称一致")
    amount: WanYuan = required("资金支持", "当年受益财政给予该园区的资金（万元）；未给予写 0")


class CityBlock(_Model):
    """市本级专有项目，仅在类别为 city（市本级）的报告中填写。"""

    demonstration_parks: list[Text] = optional("产教融合示范园区", "已建成的产教融合示范园区名称")
    demonstration_enterprises: Count = optional("产教融合示范性企业", "产教融合示范性企业数（个）")
    vocational_groups: list[Text] = optional("职教集团", "职教集团名称")
    provincial_teaching_teams: Count = optional("省级专业教学团队", "省级职业教育专业教学团队数（个）")
    joint_meeting: Flag = optional("联席会议制度", "职业教育工作联席会议制度已建立：true 是 | false 否")
    county_evaluation: Flag = optional(
        "纳入县市区履职评价", "职业教育纳入县市区政府履行教育职责评价：true 是 | false 否"
    )
    activity_week: Flag = optional("职业教育活动周", "当年举办职业教育活动周：true 是 | false 否")
    incubation_center: Flag = optional("创业就业孵化中心", "毕业生创业就业孵化中心已设立：true 是 | false 否")
    talent_allowances: list[TalentAllowance] = optional("人才津贴", "当年发放的一次性人才津贴，一人一项")
    park_funding: list[ParkFunding] = optional(
        "示范园区资金支持", "当年受益财政给予每个已建成示范园区的资金，每个园区一项（含未给予的，写 0）"
    )
    talent_selected_in: Year = optional(
        "人才最近遴选年份", "最近一次遴选专业带头人、产业导师、技能大师的年份"
    )
    talent_assessment: Flag = optional(
        "人才年度考核", "当年对已遴选的专业带头人、产业导师、技能大师进行了考核：true 是 | false 否"
    )
    directed_teacher_training: Count = optional(
        "中职专业教师公费定向培养", "当年中等职业学校专业教师公费定向培养计划人数（人）"
    )
    discrimination_review: Flag = optional(
        "清理就业歧视政策", "已清理职业院校毕业生就业歧视政策：true 是 | false 否"
    )


class Report(_Model):
    """永州市职业教育单位年度报告（填报格式第 1 版），对照永政发〔2021〕7号的目标检查。"""

    schema_version: Annotated[Literal[1], BeforeValidator(scalars.schema_version)] = required(
        "格式版本", "填报格式版本，必须为 1"
    )
    unit: ReportUnit = required("填报单位", "填报单位的名称、类别与代码")
    year: Year = required("统计年度", "本报告的统计年度，如 2023")
    enrollment: Enrollment = optional("高中阶段招生", "高中阶段当年实际招生（人）")
    general_high_school_plan: GeneralHighSchoolPlan = optional("普通高中招生计划", "普通高中招生计划（人）")
    public_secondary_vocational_seats: Count = optional("公办中职学位数", "年末公办中职学位数（个）")
    leading_industries: list[Text] = optional("主攻主导产业", "本级主攻的主导产业名称")
    training_bases: list[TrainingBase] = optional(
        "高水平实习实训基地", "已建成并投入使用的高水平实习实训基地"
    )
    quality_committee: Flag = optional(
        "本级质量管理委员会", "本级职业教育质量管理委员会已建立：true 是 | false 否"
    )
    internship_management: Flag = optional(
        "本级实习实训管理机制", "本级（市、县市区）实习实训管理机制已建立：true 是 | false 否"
    )
    unified_enrollment: Flag = optional(
        "中职纳入高中阶段统一招生", "中职学校（含技工学校）已纳入本级高中阶段统一招生：true 是 | false 否"
    )
    craftsman_students: Count = optional("湖湘工匠班学生", "当年遴选“湖湘工匠班”培育学生数（人）")
    pathway_3plus2: Pathway3plus2 = optional("“3+2”分段培养", "“3+2”对口分段培养招生（人）")
    funding: Funding = optional("财政性教育经费", "本级财政性教育经费（万元）")
    schools: list[School] = required("职业院校", "本单位所属职业院校，没有则写 []")
    city: CityBlock = optional("市本级项目", "仅市本级（类别 city）填写；其他单位不得出现")
