"""Reads the IATI 2.03 schemas out of a downloaded pyIATI archive (sdist or wheel) into a folder.

Called by scripts/install-iati-schemas.mjs: python3 extract-iati-schemas.py ARCHIVE DEST NAME...
Nothing of the package is run.
"""
import os
import re
import sys
import tarfile
import zipfile

SUFFIX = "iati/resources/standard/2-03/schemas/"
# pyIATI 0.4.1 carries the organisations schema as published in 2018: documentLinkWithReceipientCountry
# repeats its base type's trailing ##other wildcard, a content model libxml2 refuses as non-deterministic.
# The IATI-Schemas 2.03 branch later removed exactly that line; the same removal is made here.
DUPLICATE_WILDCARD = re.compile(
    rb'\s*<xsd:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>'
    rb"(\s*</xsd:sequence>\s*</xsd:extension>)"
)


def members(archive):
    if archive.endswith(".whl"):
        z = zipfile.ZipFile(archive)
        return {n: (lambda n=n: z.read(n)) for n in z.namelist()}
    t = tarfile.open(archive)
    return {m.name: (lambda m=m: t.extractfile(m).read()) for m in t.getmembers() if m.isfile()}


def main(archive, dest, names):
    files = members(archive)
    for name in names:
        path = next(p for p in files if p.endswith(SUFFIX + name))
        data = files[path]()
        if name == "iati-organisations-schema.xsd":
            block = re.search(rb'<xsd:complexType name="documentLinkWithReceipientCountry">.*?</xsd:complexContent>\s*</xsd:complexType>', data, re.S)
            fixed = DUPLICATE_WILDCARD.sub(rb"\1", block.group(0), count=1) if block else None
            if not block or fixed == block.group(0):
                sys.exit("the organisations schema is not the one expected: no duplicate wildcard to remove")
            data = data[: block.start()] + fixed + data[block.end():]
        with open(os.path.join(dest, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
