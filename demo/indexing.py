"""The search index and the reference index brought up to date once per object, after a load.

Building the demo saves most pages several times (added, given a revision, published,
moved; each translation the same again), and on every save of a page, or of one of its
inline rows, Wagtail indexes the page again for search and for the references it holds:
a fifth of the load's time went to indexing again what was indexed a moment before.
Inside `indexed_once()` those two save handlers are off; on leaving, every object that
was saved is indexed once, by the same tasks the handlers enqueue, as it then stands in
the database. Deleting still updates both indexes at once, as it always does.

The handlers are signal receivers, so switching them off holds for the whole process,
not for one thread: this is for a management command, not for a running site.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler as update_search_index_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task


def searched_models():
    """The models whose saves modelsearch indexes (modelsearch's register_signal_handlers)."""
    return [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]


@contextmanager
def indexed_once():
    """Index what is saved inside the block once, when the block ends without an error."""
    handlers = [
        (update_search_index_on_save, insert_or_update_object_task, searched_models()),
        (
            update_reference_index_on_save,
            update_reference_index_task,
            ReferenceIndex.tracked_models,
        ),
    ]
    saved = [{} for _handler in handlers]  # per handler: model -> {pk: None}, in saving order

    def recorder(models_saved):
        def record(sender, instance, raw=False, **kwargs):
            if not raw:
                models_saved.setdefault(sender, {})[instance.pk] = None

        return record

    receivers = []
    for (handler, _task, models), models_saved in zip(handlers, saved, strict=True):
        record = recorder(models_saved)
        for model in list(models):
            if post_save.disconnect(handler, sender=model):
                post_save.connect(record, sender=model, weak=False)
                receivers.append((handler, record, model))
    try:
        yield
    finally:
        for handler, record, model in receivers:
            post_save.disconnect(record, sender=model)
            post_save.connect(handler, sender=model)
    for (_handler, task, _models), models_saved in zip(handlers, saved, strict=True):
        for model, pks in models_saved.items():
            existing = set(model.objects.filter(pk__in=pks).values_list("pk", flat=True))
            for pk in pks:
                if pk in existing:  # not deleted since
                    task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))
