"""The analysis engine must stay importable and usable without the TUI."""

import subprocess
import sys


def test_summaries_imports_neither_textual_nor_reader():
    code = (
        "import sys, pkgutil, importlib, summaries\n"
        "for m in pkgutil.walk_packages(summaries.__path__, 'summaries.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'reader'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_command_line_start_loads_no_analysis_engine_or_tui():
    """`reader` must paint quickly: parsing arguments may not import the heavy parts."""
    code = (
        "import sys, reader.cli\n"
        "heavy = ('nltk', 'sumy', 'textual', 'summaries.rankers', 'summaries.stance', 'summaries.sources')\n"
        "print(','.join(sorted(n for n in sys.modules if n.startswith(heavy))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
