"""What the office may correct after an import, field by field: read the value now stored, read what the office
typed (with the plan reader's own grammar), store it the way the importer stores it, and say it in words.

A value is plain JSON so a Correction can keep it and a later version can be compared with it.
"""
from abc import ABC, abstractmethod

from planparser.deadlines import describe_deadline, parse_deadline
from planparser.solutions import split_solutions

from ..models import Assignment, AssignmentRef, RefRole, Solution, TaskNode
from .correction_errors import CorrectionInputError
from .tree_moves import check_move, move


class Field(ABC):
    target = "row"
    label = ""
    anomaly_kinds: tuple = ()

    @abstractmethod
    def current(self, obj):
        """The value stored now, as plain JSON."""

    @abstractmethod
    def apply(self, obj, value) -> None:
        """Store `value` the way the importer stores it."""

    def same(self, a, b) -> bool:
        return a == b

    def words(self, value) -> str:
        return str(value or "—")


class RefsField(Field):
    anomaly_kinds = ("directory",)

    def __init__(self, role: str, label: str):
        self.role, self.label = role, label

    def current(self, row: Assignment):
        return [{"key": r.entry.key if r.entry else "", "text": r.text} for r in row.refs.filter(role=self.role)
                .select_related("entry").order_by("order")]

    def read(self, row: Assignment, entries) -> list:
        return [{"key": e.key, "text": e.name} for e in entries]

    def apply(self, row: Assignment, value: list) -> None:
        commune = row.node.plan.commune
        by_key = {e.key: e for e in commune.entries.filter(key__in=[v["key"] for v in value])}
        for ref in row.refs.filter(role=self.role):
            ref.delete()  # one by one: the audit capture records each name taken off
        for order, item in enumerate(value, start=1):
            AssignmentRef.objects.create(assignment=row, role=self.role, order=order, text=item["text"][:300],
                                         entry=by_key.get(item["key"]))

    def same(self, a, b) -> bool:
        # The same printed names, or the same directory entries however they were printed.
        return [v["text"] for v in a or []] == [v["text"] for v in b or []] or \
            [v["key"] for v in a or []] == [v["key"] for v in b or []]

    def words(self, value) -> str:
        return "; ".join(v["text"] for v in value or []) or "(không ai)"


class DeadlineField(Field):
    label = "Thời gian hoàn thành"
    anomaly_kinds = ("deadline",)

    def current(self, row: Assignment):
        return {**row.deadline, "start": row.start and row.start.isoformat()}

    def read(self, row: Assignment, text: str) -> dict:
        deadline = parse_deadline(text, row.node.plan.year)
        if deadline["kind"] == "unknown":
            raise CorrectionInputError(
                f"Nhiệm vụ {row.node.code}, dòng {row.order}: không hiểu thời hạn «{text}». Hãy ghi như kế hoạch "
                "vẫn ghi, ví dụ «Trước ngày 30/6/2023», «Quý III/2023», «Tháng 10/2023», «Thường xuyên».")
        return deadline

    def apply(self, row: Assignment, value: dict) -> None:
        from datetime import date

        def day(text):
            return date.fromisoformat(text) if text else None

        row.deadline_text, row.deadline_kind = value["text"][:300], value["kind"]
        row.due, row.start = day(value.get("due")), day(value.get("start"))
        row.milestones, row.recurrence = value.get("milestones") or [], value.get("recurrence") or ""
        row.by_solution = value.get("by_solution")
        row.save()

    def same(self, a, b) -> bool:
        return " ".join((a or {}).get("text", "").split()) == " ".join((b or {}).get("text", "").split())

    def words(self, value) -> str:
        return f"«{value.get('text')}» — {describe_deadline(value)}" if value else "—"


class SolutionsField(Field):
    label = "Giải pháp"
    anomaly_kinds = ("numbering",)

    def current(self, row: Assignment):
        return [{"number": s.number, "text": s.text} for s in row.solutions.order_by("order")]

    def read(self, row: Assignment, text: str) -> list:
        solutions = [{"number": s["number"] or "", "text": s["text"]} for s in split_solutions(text)]
        if not solutions:
            raise CorrectionInputError(f"Nhiệm vụ {row.node.code}, dòng {row.order}: chưa ghi giải pháp nào.")
        return solutions

    def apply(self, row: Assignment, value: list) -> None:
        row.solutions.all().delete()
        Solution.objects.bulk_create(Solution(assignment=row, order=i, number=s["number"][:10], text=s["text"])
                                     for i, s in enumerate(value, start=1))

    def same(self, a, b) -> bool:
        return [s["text"] for s in a or []] == [s["text"] for s in b or []]

    def words(self, value) -> str:
        return " ".join(f"{s['number']} {s['text']}".strip() for s in value or []) or "—"


class OutputField(Field):
    label = "Sản phẩm"

    def current(self, row: Assignment):
        return row.output

    def read(self, row: Assignment, text: str) -> str:
        return " ".join(text.split())

    def apply(self, row: Assignment, value: str) -> None:
        row.output = value
        row.save(update_fields=["output"])

    def same(self, a, b) -> bool:
        return " ".join((a or "").split()) == " ".join((b or "").split())


class TitleField(Field):
    target, label = "task", "Nội dung nhiệm vụ"
    anomaly_kinds = ("structure",)

    def current(self, node: TaskNode):
        return node.title

    def read(self, node: TaskNode, text: str) -> str:
        text = " ".join(text.split())
        if not text:
            raise CorrectionInputError(f"Nhiệm vụ {node.code}: nội dung nhiệm vụ không được để trống.")
        return text

    def apply(self, node: TaskNode, value: str) -> None:
        node.title = value
        node.save(update_fields=["title"])

    same = OutputField.same


class PlaceField(Field):
    target, label = "task", "Vị trí trong cây nhiệm vụ"
    anomaly_kinds = ("numbering",)

    def current(self, node: TaskNode):
        return {"parent": node.parent.code if node.parent else None, "number": node.number}

    def read(self, node: TaskNode, choice: tuple) -> dict:
        parent, number = choice
        check_move(node, parent, number)
        return {"parent": parent.code if parent else None, "number": number}

    def apply(self, node: TaskNode, value: dict) -> None:
        move(node, value["parent"], value["number"])

    def words(self, value) -> str:
        return f"số {value['number'] or '(không số)'} thuộc {value['parent'] or 'gốc cây'}" if value else "—"


FIELDS: dict[str, Field] = {
    "leaders": RefsField(RefRole.LEADER, "Phân công chỉ đạo"),
    "lead_units": RefsField(RefRole.LEAD, "Đơn vị chủ trì"),
    "coordinating_units": RefsField(RefRole.COORDINATING, "Đơn vị phối hợp"),
    "deadline": DeadlineField(), "solutions": SolutionsField(), "output": OutputField(),
    "title": TitleField(), "place": PlaceField(),
}


def register(name: str, spec: Field) -> None:
    """An app above plans adds a field of its own records (indicators: "targets", from its ready()), so plans never
    imports it; the correction pages, the carry-over and the history find it in FIELDS like any other."""
    FIELDS[name] = spec


def logged_words(field: str, before, after) -> dict:
    """What the history shows for a correction, kept in the audit entry's data ({"words": {field: this}}) so the
    audit app, below plans, never has to ask plans how to say it."""
    spec = FIELDS[field]
    return {"label": spec.label, "before": spec.words(before) if before is not None else None,
            "after": spec.words(after)}
