"""What reading a received form found: the proposed application, where each field came from,
what looks wrong, and the text that could not be placed."""
from __future__ import annotations

from dataclasses import dataclass, field

from .application import Application
from .form_blocks import Block, block_text
from .forms import FormTemplate

ERROR, WARNING, UNPLACED = "error", "warning", "unplaced"


@dataclass(frozen=True)
class Finding:
    where: str  # a field key (see Reading.sources) or "unplaced"
    message: str
    severity: str = WARNING  # error | warning | unplaced
    text: str = ""  # the file's text it is about


@dataclass
class Reading:
    app: Application
    template: FormTemplate
    sources: dict[str, str] = field(default_factory=dict)  # "name", "section:<id>", "contacts:<role>", "budget"…
    findings: list[Finding] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def add(self, where: str, message: str, severity: str = WARNING, text: str = "") -> None:
        self.findings.append(Finding(where, message, severity, text))

    def leave(self, label: str, blocks: list[Block]) -> None:
        """Blocks that fit nowhere: kept for the note, and reported."""
        text = "\n\n".join(block_text(b) for b in blocks).strip()
        if text:
            self.unplaced.append(f"{label}:\n{text}" if label else text)
            self.add("unplaced", f"Text som inte kunde placeras ({label or 'före första rubriken'}).", UNPLACED, text)

    def note(self, file_name: str) -> str:
        if not self.unplaced:
            return ""
        return f"Ej placerad text från {file_name}:\n\n" + "\n\n".join(self.unplaced)
