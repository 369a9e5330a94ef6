"""Who is calling, and what their role and regions let them see."""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.core import problems
from inspector_app.core.problems import Problem


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    role: str
    regions: frozenset[str]
    device_id: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "administrator"

    def require(self, *roles: str) -> None:
        if self.role not in roles:
            raise Problem(problems.FORBIDDEN_ROLE, details={"role": self.role, "needs": list(roles)})

    def sees_region(self, region: str) -> bool:
        return self.is_admin or region in self.regions

    def require_region(self, region: str) -> None:
        if not self.sees_region(region):
            raise Problem(problems.FORBIDDEN_REGION, details={"region": region})

    def may_read_record(self, owner_id: int, region: str) -> bool:
        if self.role == "inspector":
            return owner_id == self.user_id
        return self.sees_region(region)

    def audit_fields(self) -> dict:
        return {"user_id": self.user_id or None, "device_id": self.device_id}


# actions run from the command line on the server itself
SYSTEM = Principal(user_id=0, username="(server)", role="administrator", regions=frozenset())
