"""The image library: upload a picture once, download it cropped to each platform's sizes.

Images are organisation data, so they are never served from a public ``/media/`` URL: every
picture (crops, and the previews shown on the pages) goes through the organisation-scoped crop
view. Previews use the reserved pseudo-platform ``_preview`` (see ``platforms.crops``).
"""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from core.forms import apply_validation_error
from core.generic import ConfirmView
from core.permissions import OrgObjectMixin, OrgViewMixin
from core.tenancy import get_or_404, org_reverse

from .. import crops
from ..forms.images import FocalPointForm, ImageUploadForm
from ..selectors import images as selectors
from ..selectors.catalogue import image_format_get, image_format_list
from ..services import images as services


def images_url(org) -> str:
    return org_reverse("platforms:image_list", org)


class ImageObjectMixin(OrgObjectMixin):
    @cached_property
    def image(self):
        return get_or_404(selectors.image_get, org=self.org, pk=self.kwargs["image_pk"])

    def get_org_object(self):
        return self.image

    def get_breadcrumbs(self):
        detail = org_reverse("platforms:image_detail", self.org, image_pk=self.image.pk)
        return [(_("Images"), images_url(self.org)), (self.image.title, detail)]


class ImageListView(OrgViewMixin, ListView):
    """Every member sees the library; uploading (POST) needs an editor."""

    write_permission = "edit_image"
    template_name = "platforms/image_list.html"
    context_object_name = "images"
    paginate_by = 24

    def get_queryset(self):
        return selectors.image_list(org=self.org)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ImageUploadForm())
        return super().get_context_data(preview_platform=crops.PREVIEW_PLATFORM, **kwargs)

    def post(self, request, *args, **kwargs):
        form = ImageUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                image = services.image_upload(
                    org=self.org,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                    actor=request.user,
                )
            except ValidationError as error:
                # The sanitizer's errors concern the file; the model's name their fields.
                if hasattr(error, "error_dict"):
                    apply_validation_error(form, error)
                else:
                    form.add_error("file", error)
            else:
                messages.success(
                    request,
                    _("The image “%(title)s” was uploaded. Choose the formats to download.")
                    % {"title": image.title},
                )
                return redirect("platforms:image_detail", org_slug=self.org.slug, image_pk=image.pk)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form))


class ImageDetailView(ImageObjectMixin, TemplateView):
    """The picture, its focal point (editors change it) and every format to download."""

    write_permission = "edit_image"
    template_name = "platforms/image_detail.html"

    def get_breadcrumbs(self):
        images, (title, _url) = super().get_breadcrumbs()
        return [images, (title, None)]

    def get_context_data(self, **kwargs):
        image = self.image
        rows = crops.format_rows(image, image_format_list())
        groups = [
            (platform, list(items))
            for platform, items in groupby(rows, key=lambda row: row.format.platform)
        ]
        kwargs.setdefault("form", FocalPointForm(initial=FocalPointForm.initial_for(image)))
        return super().get_context_data(
            image=image,
            format_groups=groups,
            upscaled_count=sum(row.upscaled for row in rows),
            preview_platform=crops.PREVIEW_PLATFORM,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = FocalPointForm(request.POST)
        if form.is_valid():
            focal_x, focal_y = form.fractions()
            try:
                services.image_set_focal_point(image=self.image, focal_x=focal_x, focal_y=focal_y)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request, _("Focal point saved: the crops now keep this point in view.")
                )
                return redirect(
                    "platforms:image_detail", org_slug=self.org.slug, image_pk=self.image.pk
                )
        return self.render_to_response(self.get_context_data(form=form))


class ImageDeleteView(ImageObjectMixin, ConfirmView):
    permission = "edit_image"
    confirm_title = gettext_lazy("Delete the image")
    confirm_label = gettext_lazy("Delete")

    def confirm_subject(self):
        return self.image.title

    def confirm_message(self):
        return _(
            "“%(title)s” will be deleted. Crops you already downloaded are not affected. "
            "This cannot be undone."
        ) % {"title": self.image.title}

    def get_cancel_url(self):
        return org_reverse("platforms:image_detail", self.org, image_pk=self.image.pk)

    def get_success_url(self):
        return images_url(self.org)

    def perform(self):
        title = self.image.title
        services.image_delete(image=self.image, actor=self.request.user)
        return _("The image “%(title)s” was deleted.") % {"title": title}


class ImageFileMixin(ImageObjectMixin):
    """Answers streamed from stored crops (``platforms.crops``), revalidated with an ETag.

    A derivative's stored name says what it was computed from (file, focal point, size), so it
    is its ETag too: reading twice costs nothing, even for a viewer.
    """

    http_method_names = ["get", "head", "options"]

    @staticmethod
    def etag(name: str) -> str:
        return f'"{name.rpartition("/")[2].rpartition(".")[0]}"'

    def not_modified(self, etag: str):
        return get_conditional_response(self.request, etag=etag)

    def stored_response(self, name: str, content_type: str, *, etag: str, filename=None):
        response = FileResponse(
            self.image.file.storage.open(name, "rb"),
            content_type=content_type,
            as_attachment=bool(filename),
            filename=filename or "",
        )
        if not filename:  # a page's picture: not a download named after the stored file
            del response["Content-Disposition"]
        return self._finish(response, etag)

    def bytes_response(self, content: bytes, content_type: str, *, etag: str, filename=None):
        response = HttpResponse(content, content_type=content_type)
        if filename:
            response["Content-Disposition"] = content_disposition_header(True, filename)
        return self._finish(response, etag)

    @staticmethod
    def _finish(response, etag: str):
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        return response


class ImageCropView(ImageFileMixin, View):
    """One crop as a JPEG attachment; viewers may download. ``_preview`` codes are page previews."""

    def get(self, request, *args, **kwargs):
        image = self.image
        platform_code, format_code = self.kwargs["platform_code"], self.kwargs["format_code"]
        if platform_code == crops.PREVIEW_PLATFORM:
            return self.preview(image, format_code)
        fmt = get_or_404(image_format_get, platform_code=platform_code, code=format_code)
        etag = self.etag(crops.crop_name(image, fmt))
        if response := self.not_modified(etag):
            return response
        name, filename = crops.crop(image, fmt), crops.crop_filename(image, fmt)
        return self.stored_response(name, "image/jpeg", etag=etag, filename=filename)

    def preview(self, image, size: str):
        if size not in crops.PREVIEW_SIZES:
            raise Http404
        spec = crops.preview_spec(image, crops.PREVIEW_SIZES[size])
        etag = self.etag(crops.preview_name(image, spec))
        if response := self.not_modified(etag):
            return response
        return self.stored_response(crops.preview(image, spec), "image/jpeg", etag=etag)


class ImageZipView(ImageFileMixin, View):
    """``?platform=a&platform=b`` → the crops of those platforms; no platform → every format.

    The ZIP of every format is stored; another selection is assembled from the stored crops.
    """

    def get(self, request, *args, **kwargs):
        image = self.image
        codes = [c for c in request.GET.getlist("platform") if c]
        formats = list(image_format_list(codes=codes or None))
        if not formats:
            raise Http404(_("No format matches these platforms."))
        etag = self.etag(crops.zip_name(image, formats))
        if response := self.not_modified(etag):
            return response
        name, content = crops.crops_zip(image, formats, keep=not codes)
        filename = crops.zip_filename(image)
        if content is None:
            return self.stored_response(name, "application/zip", etag=etag, filename=filename)
        return self.bytes_response(content, "application/zip", etag=etag, filename=filename)
