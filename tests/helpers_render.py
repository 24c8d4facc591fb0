"""Reading a rendered table back: its columns' headers and values, however they wrapped."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len


def _cells(line: str) -> list[str]:
    """A line as terminal cells: a wide (Chinese) character fills two, the second left empty."""
    out: list[str] = []
    for char in line:
        out.append(char)
        out.extend([""] * (cell_len(char) - 1))
    return out


def _piece(cells: list[str], span: tuple[int, int]) -> str:
    return "".join(cells[span[0] : span[1]]).strip()


@dataclass
class Parsed:
    headers: list[str]  # each header, its wrapped lines joined without spaces
    rows: list[list[list[str]]]  # each row: each column's lines (pieces), empty ones left out

    def column(self, header: str) -> int:
        return self.headers.index(header.replace(" ", ""))

    def values(self, header: str) -> list[str]:
        """Each row's value in that column, its wrapped pieces joined without spaces."""
        index = self.column(header)
        return [_joined(row[index]).replace(" ", "") for row in self.rows]


def _joined(pieces: list[str]) -> str:
    """A header's lines as one: an English word hyphenated at a line's end made whole."""
    text = ""
    for piece in pieces:
        if text.endswith("-") and text[-2:-1].isalpha() and piece[:1].isalpha():
            text = text[:-1]
        text += piece
    return text


def parse_table(text: str, caption: str | None = None) -> Parsed:
    """The first table in ``text``, boxed (┏…┡…└) or compact (headers, a ─── rule, rows);
    ``caption``: the line under it, left out."""
    lines = [line for line in text.splitlines() if caption is None or line.strip() != caption]
    rule = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("┡") or (line.strip() and set(line.strip()) <= {"─", " "})
    )
    ruler = _cells(lines[rule])
    if lines[rule].startswith("┡"):
        cuts = [i for i, c in enumerate(ruler) if c in "┡╇┩"]
        spans = list(zip([c + 1 for c in cuts], cuts[1:], strict=False))
        top = max(i for i in range(rule) if lines[i].startswith("┏"))
        head = lines[top + 1 : rule]
        body = []
        for line in lines[rule + 1 :]:
            if line.startswith("└"):
                break
            body.append(line)
    else:
        spans, start = [], None
        for i, c in enumerate([*ruler, " "]):
            if c == "─" and start is None:
                start = i
            elif c != "─" and start is not None:
                spans.append((start, i))
                start = None
        head = lines[:rule]
        body = []
        for line in lines[rule + 1 :]:
            if not line.strip():
                break
            body.append(line)
    headers = [
        _joined([_piece(_cells(line), span) for line in head]).replace(" ", "") for span in spans
    ]
    rows: list[list[list[str]]] = []
    for line in body:
        cells = _cells(line)
        pieces = [_piece(cells, span) for span in spans]
        if pieces[0] or not rows:
            rows.append([[p] if p else [] for p in pieces])
        else:
            for column, piece in zip(rows[-1], pieces, strict=True):
                if piece:
                    column.append(piece)
    return Parsed(headers, rows)


def widest_line(text: str) -> int:
    return max((cell_len(line.rstrip()) for line in text.splitlines()), default=0)


def printed_by_rich(renderable: object, width: int, bold: bool = False) -> str:
    """What rich prints of ``renderable`` at ``width`` columns, as volctl's console is set up:
    bold (a terminal, standard colours) or plain (a pipe); what the plain paths must equal."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=bold,
        color_system="standard" if bold else None,
        highlight=False,
        soft_wrap=False,
    )
    console.print(renderable)
    return buffer.getvalue()
