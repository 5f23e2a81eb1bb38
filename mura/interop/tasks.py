"""The admin's upload runs the same import as `mura import`, in the task worker."""

from django_tasks import task

from mura.interop.models import ImportRun
from mura.interop.runs import import_run_execute


@task()
def import_file(run_id: int) -> str:
    run = ImportRun.objects.select_related("institution", "user").get(pk=run_id)
    if run.status == ImportRun.Status.DONE:
        return run.status
    import_run_execute(run=run)
    return ImportRun.Status.DONE
