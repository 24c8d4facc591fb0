"""Make the README's pictures of the printed papers again (run by hand, from the project folder).

    python docs/make_pictures.py

Builds the demo community in a temporary folder (``volctl demo``: its papers print personal data
masked), prints its certificate and its year-end summary form to PDF with LibreOffice (a profile
of its own), and saves the certificate's last page (where the seal block is) and the summary's
first page as ``docs/certificate.png`` and ``docs/summary.png`` (A4 at 70 dpi). Needs
LibreOffice (``soffice``) and poppler (``pdftoppm``, ``pdfinfo``), with Noto CJK standing in
for 宋体 where 宋体 is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
DPI = "70"


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(found.split()[1])


def picture(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", DPI, "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    print(f"{target} (page {page} of {pdf.name})")


def main() -> None:
    for tool in ("soffice", "pdftoppm", "pdfinfo"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed")
    with tempfile.TemporaryDirectory(prefix="volctl-pictures-") as tmp:
        folder = Path(tmp)
        demo = folder / "demo"
        subprocess.run(
            [sys.executable, "-m", "volctl", "--lang", "zh", "demo", "--dir", str(demo)],
            check=True,
            capture_output=True,
            env={"HOME": str(folder), "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
        certificate = next(demo.glob("志愿服务记录证明-*.xlsx"))
        summary = next(demo.glob("*年度志愿服务工作总结表.xlsx"))
        out = folder / "pdf"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), str(certificate), str(summary)],
            check=True,
            capture_output=True,
            timeout=600,
            env={"HOME": str(folder), "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )  # fmt: skip
        printed = out / f"{certificate.stem}.pdf"
        picture(printed, pages(printed), DOCS / "certificate.png")
        picture(out / f"{summary.stem}.pdf", 1, DOCS / "summary.png")


if __name__ == "__main__":
    main()
