"""Read a vCard file with Python vobject, strictly: print what each card
gives back (FN, UID, N, TEL, EMAIL, BDAY) one per line, and every warning
vobject logs or raises as a WARNING line. Used by tests/address_books.rs."""
import io
import logging
import sys
import warnings

log = io.StringIO()
logging.basicConfig(stream=log, level=logging.WARNING)
warnings.simplefilter("always")

import vobject  # noqa: E402

with warnings.catch_warnings(record=True) as caught:
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    for card in vobject.readComponents(text, validate=True):
        print("CARD")
        print("FN", card.fn.value)
        print("UID", card.uid.value)
        print("N", card.n.value.family + "|" + card.n.value.given)
        for t in card.contents.get("tel", []):
            print("TEL", t.value)
        for e in card.contents.get("email", []):
            print("EMAIL", e.value)
        if "bday" in card.contents:
            print("BDAY", card.bday.value)
        card.serialize()
for w in caught:
    print("WARNING", w.message)
for line in log.getvalue().splitlines():
    print("WARNING", line)
