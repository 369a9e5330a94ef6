"""A small valid form file that the tests of the loader break one way at a time."""

from __future__ import annotations

SAMPLE = """\
id: sample
version: 1
kind: school
title: {kk: Үлгі тексеру парағы, ru: Образец проверочного листа, en: Sample checklist}
legal_act: {kk: 2015 жылғы № 708/832 бірлескен бұйрық, ru: Совместный приказ № 708/832, en: Joint order No. 708/832}
effective: 2024-08-01
sections:
  - id: first
    title: {kk: Бірінші бөлім, ru: Первый раздел, en: First section}
    items:
      - id: first.guards
        text: {kk: Күзет бар, ru: Охрана есть, en: Guards present}
        legal_basis: {kk: № 117 бұйрық, ru: Приказ № 117, en: Order No. 117}
        degree: gross
        rights: safety
        measure: order
        photo_on_violation: true
      - id: first.water
        kind: choice
        text: {kk: Шомылу орны, ru: Место купания, en: Swimming place}
        legal_basis: {kk: ҚР ДСМ-78 бұйрығы, ru: Приказ ҚР ДСМ-78, en: Order ҚР ДСМ-78}
        degree: minor
        rights: safety
        measure: recommendation
        choices:
          - value: none
            label: {kk: Жоқ, ru: Нет, en: None}
          - value: pool
            label: {kk: Бассейн, ru: Бассейн, en: Pool}
  - id: second
    title: {kk: Екінші бөлім, ru: Второй раздел, en: Second section}
    items:
      - id: second.lifeguard
        condition: {item: first.water, in: [pool]}
        text: {kk: Құтқарушы бар, ru: Есть спасатель, en: Lifeguard present}
        legal_basis: {kk: ҚР ДСМ-78 бұйрығы, ru: Приказ ҚР ДСМ-78, en: Order ҚР ДСМ-78}
        degree: gross
        rights: safety
        measure: protocol
        article: "127-3.1"
      - id: second.watch
        condition: {item: first.guards, in: [violated]}
        text: {kk: Кезекшілік ұйымдастырылған, ru: Организовано дежурство, en: Staff watch organised}
        legal_basis: {kk: № 117 бұйрық, ru: Приказ № 117, en: Order No. 117}
        degree: significant
        rights: safety
        measure: order
      - id: second.children
        kind: number
        required: false
        min: 0
        max: 500
        text: {kk: Балалар саны, ru: Количество детей, en: Number of children}
        legal_basis: {kk: «Білім туралы» Заң, ru: Закон «Об образовании», en: Law on Education}
        degree: minor
        rights: education
        measure: recommendation
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle` (the whole line if it ends in a newline)."""
    whole = needle.endswith("\n")
    hits = [
        n
        for n, line in enumerate(text.splitlines(), 1)
        if (line.strip() == needle.strip() if whole else needle in line)
    ]
    return hits[occurrence - 1]
