"""Counting channel-layer deliveries by sequence number (``bench.reveal_load`` and
``tests/perf/test_channel_layer.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DeliveryCounter:
    """Counts what each stream was owed and what arrived, by sequence number.

    A channel layer that does not deliver says nothing (Redis publish/subscribe reaches only
    who listens at that moment); the only way to see it is to count on the receiving side.
    """

    expected: dict[str, int] = field(default_factory=dict)
    seen: dict[str, set[int]] = field(default_factory=dict)
    duplicates: int = 0

    def expect(self, stream: str, count: int) -> None:
        self.expected[stream] = self.expected.get(stream, 0) + count

    def got(self, stream: str, sequence: int, *, late_ok: bool = False) -> None:
        """``late_ok``: a recount after the fact, where seeing it again is no duplicate."""
        seen = self.seen.setdefault(stream, set())
        if sequence in seen and not late_ok:
            self.duplicates += 1
        seen.add(sequence)

    def missing(self, stream: str) -> list[int]:
        seen = self.seen.get(stream, set())
        return [n for n in range(self.expected.get(stream, 0)) if n not in seen]

    @property
    def dropped(self) -> int:
        return sum(len(self.missing(stream)) for stream in self.expected)
