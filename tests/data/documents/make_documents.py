#!/usr/bin/env python3
"""Makes the hostile and ordinary documents of tests/data/documents/ (committed; run again only
to change them). cv-en.pdf is printed by Chromium from cv-en.html (a real PDF producer):
    chromium --headless --no-sandbox --print-to-pdf=cv-en.pdf cv-en.html
The rest are written here with the standard library:
  cv-de.docx      a minimal Word document (ECMA-376 part 2: [Content_Types].xml, the package
                  relationships and word/document.xml) with a German CV text
  bomb.docx       a Word document whose ZIP directory declares 60 MB unpacked (zeros that
                  deflate to about 60 kB): a ZIP bomb
  not-word.docx   a ZIP that is an OpenDocument text, named .docx
  program.pdf     the first 4 kB of an ELF executable, named .pdf
  javascript.pdf  a PDF that runs JavaScript when opened (/OpenAction /JS)
  loop.pdf        a 13 kB PDF whose one page draws the same words 50,000 times at one spot
                  (a Flate stream of 3.6 MB): poppler's text layout spends minutes of CPU on
                  it, the extractor's "loop" that its CPU limit must end
"""
import os
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')


def document(paragraphs):
    body = ''.join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:body>{body}</w:body></w:document>')


def docx(path, paragraphs, extra=None):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', document(paragraphs))
        if extra:
            extra(z)


def pdf(objects):
    """A PDF of the objects (bytes each), numbered from 1, the first the catalog."""
    out = b'%PDF-1.4\n'
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += f'{i} 0 obj\n'.encode() + o + b'\nendobj\n'
    xref = len(out)
    out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
    for off in offsets:
        out += f'{off:010d} 00000 n \n'.encode()
    out += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    return out


def main():
    docx(os.path.join(HERE, 'cv-de.docx'), [
        'Lebenslauf', 'Berufserfahrung',
        '2019-2024 Kundenberaterin im Kundenservice, Inbound-Hotline, Telefon und Chat',
        'Sprachen: Deutsch (Muttersprache), Englisch (B2), Türkisch (C1)',
        'Kenntnisse: CRM (Salesforce), Deeskalation, Zehnfingersystem'])
    docx(os.path.join(HERE, 'bomb.docx'), ['Lebenslauf'],
         lambda z: z.writestr('word/media/zeros.bin', b'\0' * (60 * 1000 * 1000)))
    with zipfile.ZipFile(os.path.join(HERE, 'not-word.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('mimetype', 'application/vnd.oasis.opendocument.text')
        z.writestr('content.xml', '<office:document-content/>')
    with open('/bin/true', 'rb') as f:
        elf = f.read(4096)
    with open(os.path.join(HERE, 'program.pdf'), 'wb') as f:
        f.write(elf)
    objects = [
        '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        '<< /S /JavaScript /JS (app.alert\\("hello"\\);) >>',
    ]
    out = b'%PDF-1.7\n'
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += f'{i} 0 obj\n{o}\nendobj\n'.encode()
    xref = len(out)
    out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
    for off in offsets:
        out += f'{off:010d} 00000 n \n'.encode()
    out += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    with open(os.path.join(HERE, 'javascript.pdf'), 'wb') as f:
        f.write(out)
    ops = b'BT /F1 12 Tf 72 720 Td (Kundenservice Kundenservice Kundenservice) Tj ET\n' * 50_000
    stream = zlib.compress(ops, 9)
    with open(os.path.join(HERE, 'loop.pdf'), 'wb') as f:
        f.write(pdf([
            b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
            b'/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
            b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(stream) + stream +
            b'\nendstream',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        ]))


if __name__ == '__main__':
    main()
