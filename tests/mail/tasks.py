import json

from coalition_site.mail import deliver_email


def run(result):
    """Run a queued task as a worker would: from its arguments as stored (JSON)."""
    args, kwargs = json.loads(json.dumps([result.args, result.kwargs]))
    return result.task.call(*args, **kwargs)


def emails(results):
    """The queued email tasks among `results` (page saves queue index updates too)."""
    return [result for result in results if result.task.func == deliver_email.func]
