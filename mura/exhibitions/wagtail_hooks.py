from wagtail import hooks

from mura.exhibitions.choosers import resource_chooser_viewset


@hooks.register("register_admin_viewset")
def register_resource_chooser():
    return resource_chooser_viewset
