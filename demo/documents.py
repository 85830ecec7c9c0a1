"""Demo documents: one-page PDFs written here (sample_pdf), stored as Wagtail documents."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from .sample_pdf import one_page_pdf


def sample_document(title, filename, lines):
    """A generated one-page PDF stored as a Wagtail document, made once (found by title)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = one_page_pdf(title, lines)
    document = Document(title=title, file=ContentFile(data, name=filename))
    document.file_size = len(data)
    document.file_hash = hash_filelike(ContentFile(data))
    document.save()
    return document
