"""Who may do what with partner profiles: the review workflow and partner accounts."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REVIEW_WORKFLOW = "Partner profile review"
REVIEW_TASK = "Coalition editors approve"
PARTNER_GROUP_PREFIX = "Partner: "
PARTNER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def ensure_review_workflow(editors):
    """Editors feature partners, manage their accounts and approve their changes.

    Run by accounts.roles after every migrate.
    """
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="partners",
            codename__in=["feature_partner", "manage_partner_accounts"],
        )
    )
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK, content_type=ContentType.objects.get_for_model(GroupApprovalTask)
        )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def assign_review_workflow(directory):
    """Make partner changes under `directory` wait for an editor's approval."""
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=directory, defaults={"workflow": workflow})


def partner_group_name(partner):
    return f"{PARTNER_GROUP_PREFIX}{partner.title}"[:150]


@transaction.atomic
def grant_partner_access(partner, user):
    """Give `user` edit rights on `partner` alone, and a collection of its own.

    Returns (group, collection). Running it again changes nothing.
    """
    group, _ = Group.objects.get_or_create(name=partner_group_name(partner))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=partner.page_ptr,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    existing = GroupCollectionPermission.objects.filter(group=group).first()
    if existing is not None:
        collection = existing.collection
    else:
        collection = Collection.get_first_root_node().add_child(name=partner.title)
    for app_label, codename in PARTNER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    user.groups.add(group)
    return group, collection
