"""Interface names of the domain's categories, measure kinds and kinds of inspection: one
place for their translations, used by every view that shows them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Finding, InspectionType, Measure, MeasureKind, RightsCategory


class Names(QObject):
    """Interface names of categories and measure kinds (one place for their translations)."""

    def category(self, category: RightsCategory) -> str:
        return {
            RightsCategory.HOUSING: self.tr("Housing"),
            RightsCategory.PROPERTY: self.tr("Property"),
            RightsCategory.FAMILY: self.tr("Upbringing in a family"),
            RightsCategory.EDUCATION: self.tr("Education"),
            RightsCategory.PSYCH_SUPPORT: self.tr("Psychological-pedagogical support"),
            RightsCategory.WELLBEING: self.tr("Psychological well-being"),
            RightsCategory.MEALS_HEALTH: self.tr("Meals and health"),
            RightsCategory.SAFETY: self.tr("Safety"),
        }[RightsCategory(category)]

    def kind(self, kind: MeasureKind) -> str:
        return {
            MeasureKind.PROTOCOL: self.tr("Protocol"),
            MeasureKind.ORDER: self.tr("Order"),
            MeasureKind.RECOMMENDATION: self.tr("Recommendation"),
            MeasureKind.DISCIPLINARY: self.tr("Disciplinary referral"),
            MeasureKind.TRANSFER: self.tr("Referral to the competent body"),
        }[kind]

    def inspection_types(self) -> list[tuple[InspectionType, str]]:
        """Every kind of inspection with its name, in the order a list offers them."""
        return [
            (InspectionType.SCHEDULED, self.tr("Scheduled")),
            (InspectionType.UNSCHEDULED, self.tr("Unscheduled")),
            (InspectionType.SURPRISE, self.tr("Surprise")),
        ]

    def inspection_type(self, value: str) -> str:
        """The name of a kind of inspection (an unknown value, from a newer server, as it is)."""
        names: dict[str, str] = dict(self.inspection_types())
        return names.get(value, value)

    def finding_number(self, n: int) -> str:
        return self.tr("Finding {0}").format(n)

    def finding(self, finding: Finding, form: Form, lang: str) -> str:
        return self.tr("Finding: {0}").format(form.item(finding.item_id).text.get(lang)[:70])

    def measure(self, measure: Measure, findings: list[Finding], form: Form, lang: str) -> str:
        """The kind and what its first finding is about."""
        first = next((f for f in findings if f.id in measure.finding_ids), None)
        about = form.item(first.item_id).text.get(lang)[:50] if first else ""
        return f"{self.kind(measure.kind)}: {about}" if about else self.kind(measure.kind)
