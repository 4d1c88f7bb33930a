"""Order confirmation checklists (docs/checklist.md): templates of items, the state of one order's check, and
the confirmation message rendered from an editable template (phone masked unless turned off)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.phone import mask

COD_MARK = "*"  # an item line ending in * applies to 货到付款 orders only

PRESALE = "售前核对"
AFTERSALE = "售后"
DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    PRESALE: (
        "收货人\n手机号\n省市区街道\n详细地址\n快递可达/指定快递\n规格(颜色/尺码)\n数量\n赠品\n发货时间承诺\n"
        "货到付款服务费*\n备注已登记",
        "亲，跟您核对一下订单信息哦~\n收货人：{收货人}\n电话：{手机号}\n地址：{地址}\n规格：{规格(颜色/尺码)}\n"
        "数量：{数量}\n赠品：{赠品}\n快递：{快递可达/指定快递}\n发货时间：{发货时间承诺}\n"
        "货到付款服务费：{货到付款服务费}\n"
        "信息无误的话回复「确认」就可以啦，有问题随时告诉我~",
    ),
    AFTERSALE: (
        "联系买家\n核实情况\n安抚致歉\n协调方案\n跟进处理\n备案登记",
        "亲，您反馈的问题我们已经登记：{核实情况}\n处理方案：{协调方案}\n我们会持续跟进：{跟进处理}\n"
        "给您带来不便非常抱歉，有任何问题随时找我~",
    ),
}
ADDRESS_ITEMS = ("收货人", "手机号", "省市区街道", "详细地址")

MSG_NO_ITEMS = QT_TRANSLATE_NOOP("Messages", "模板至少要有一项")
MSG_TEMPLATE_NAME = QT_TRANSLATE_NOOP("Messages", "模板名称不能为空，最多 20 个字")
MSG_UNKNOWN_FIELD = QT_TRANSLATE_NOOP("Messages", "话术里的 {{{field}}} 不是清单里的项目")

WARNING_TEXT = {
    "phone_missing": QT_TRANSLATE_NOOP("Checklist", "没有找到手机号"),
    "phone_invalid": QT_TRANSLATE_NOOP("Checklist", "手机号位数不对，请核对"),
    "name_missing": QT_TRANSLATE_NOOP("Checklist", "没有找到收货人"),
    "name_celebrity": QT_TRANSLATE_NOOP("Checklist", "收货人是明星名字，请与买家确认"),
    "address_incomplete": QT_TRANSLATE_NOOP("Checklist", "省市区不完整"),
    "address_vague": QT_TRANSLATE_NOOP("Checklist", "详细地址没有门牌号或楼栋/单元/室"),
    "district_ambiguous": QT_TRANSLATE_NOOP("Checklist", "区县名在多个城市都有，请确认城市"),
    "remote_area": QT_TRANSLATE_NOOP("Checklist", "偏远地区：注意运费和时效"),
    "pickup_point": QT_TRANSLATE_NOOP("Checklist", "地址是驿站/快递柜等代收点"),
    "masked": QT_TRANSLATE_NOOP("Checklist", "部分信息被平台打码（*），请以订单详情为准或与买家确认"),
}


class ChecklistError(UserError):
    """A template that cannot be used; nothing is saved."""


@dataclass(frozen=True)
class Item:
    label: str
    cod_only: bool = False


@dataclass(frozen=True)
class Template:
    name: str
    items: tuple[Item, ...]
    message: str

    def applies(self, cod: bool) -> tuple[Item, ...]:
        return tuple(item for item in self.items if cod or not item.cod_only)


def parse_template(name: str, items_text: str, message: str) -> Template:
    """Items one per line (`*` at the end: 货到付款 only); the message uses {item} placeholders and {地址}."""
    name = " ".join(name.split())
    if not name or len(name) > 20:
        raise ChecklistError(MSG_TEMPLATE_NAME)
    items = []
    for line in items_text.splitlines():
        label = line.strip()
        if label:
            cod = label.endswith(COD_MARK)
            items.append(Item(label.rstrip(COD_MARK).strip(), cod))
    if not items:
        raise ChecklistError(MSG_NO_ITEMS)
    known = {item.label for item in items} | {"地址", "订单号", "买家"}
    for placeholder in re.findall(r"\{([^{}]+)\}", message):
        if placeholder not in known:
            raise ChecklistError(MSG_UNKNOWN_FIELD, field=placeholder)
    return Template(name, tuple(items), message.replace("\r\n", "\n").strip())


def template_items_text(template: Template) -> str:
    return "\n".join(item.label + (COD_MARK if item.cod_only else "") for item in template.items)


@dataclass
class OrderCheck:
    """One order's check: the parsed address fields, each item's tick and value, kept until done."""

    order_id: str
    template: str = PRESALE
    buyer: str = ""
    cod: bool = False
    address: dict[str, str] = field(default_factory=dict)  # name, phone, phone_ext, province, … (ParsedAddress)
    ticks: dict[str, bool] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    updated_at: dt.datetime | None = None

    def complete(self, template: Template) -> bool:
        return all(self.ticks.get(item.label) for item in template.applies(self.cod))

    def missing(self, template: Template) -> list[str]:
        return [item.label for item in template.applies(self.cod) if not self.ticks.get(item.label)]


def full_address(address: Mapping[str, str]) -> str:
    parts = [address.get(k, "") for k in ("province", "city", "district", "street", "detail")]
    if parts[0] and parts[0] == parts[1]:  # 北京市北京市 reads as one
        parts[1] = ""
    return "".join(p for p in parts if p)


def values_from_address(address: Mapping[str, str], masked: bool = True) -> dict[str, str]:
    """What the address fields fill in: 收货人, 手机号, 省市区街道, 详细地址."""
    phone = address.get("phone", "")
    shown = mask(phone) if masked and phone else phone
    if shown and address.get("phone_ext"):
        shown += f"转{address['phone_ext']}"
    region = full_address({**address, "detail": ""})
    return {
        "收货人": address.get("name", ""),
        "手机号": shown,
        "省市区街道": region,
        "详细地址": address.get("detail", ""),
    }


def render_message(template: Template, check: OrderCheck, masked: bool = True) -> str:
    """The confirmation message. A line whose items are all blank is left out (never "无", never {赠品}),
    and so is a 货到付款-only item on an order paid online."""
    values = {**check.values, **{k: v for k, v in values_from_address(check.address, masked).items() if v}}
    values["地址"] = full_address(check.address) if check.address else values.get("详细地址", "")
    if masked and values.get("手机号") and not check.address:
        values["手机号"] = mask(values["手机号"])
    values.update({"订单号": check.order_id, "买家": check.buyer})
    for item in template.items:
        if item.cod_only and not check.cod:
            values[item.label] = ""

    def fill(match: re.Match[str]) -> str:
        return values.get(match.group(1), "").strip()

    lines = []
    for line in template.message.split("\n"):
        names = re.findall(r"\{([^{}]+)\}", line)
        if names and not any(values.get(name, "").strip() for name in names):
            continue
        lines.append(re.sub(r"\{([^{}]+)\}", fill, line))
    return "\n".join(lines)


class ChecklistRepository(Protocol):
    def templates(self) -> list[Template]: ...

    def save_template(self, template: Template) -> None: ...

    def get(self, order_id: str) -> OrderCheck | None: ...

    def save(self, check: OrderCheck, complete: bool, at: dt.datetime) -> None: ...

    def incomplete(self) -> list[OrderCheck]: ...
