"""What the build publishes besides rendered pages: posts and their files, photos, post bodies, feeds, the coverage data.

A post and its files keep their own path as ``src_uri`` and only move where they are
published, as Material's blog does: MkDocs resolves their links as the author wrote them.
"""

from __future__ import annotations

import concurrent.futures
import html
import json
import os
import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote

from mkdocs.structure.files import File, Files, InclusionLevel

from gecolumn import cards, editor, feeds, images, routes, web
from gecolumn.coverage_data import coverage_document
from gecolumn.files import read_head, read_regular
from gecolumn.mkdocs.state import Build, settings_label
from gecolumn.posts import Corpus, Post
from gecolumn.problems import Problem, Severity, file_label
from gecolumn.sanitize import Removal, clean_body, line_of
from gecolumn.views import Cover, ShareImage

_NO_META = "---\n{}\n---\n\n"


class PostFile(File):
    """A post's page: its body is read when MkDocs renders it, so a build holds one body at a time."""

    post: Post | None = None
    corpus: Corpus | None = None

    @property
    def content_string(self) -> str:
        # The empty header stops MkDocs reading "Hotline: 111" at the top of a body as metadata.
        return _NO_META + self.corpus.body(self.post)

    @content_string.setter
    def content_string(self, value: str) -> None:
        raise AttributeError("a post's page is read from its file")


def add_posts_and_pages(build: Build, files: Files, config) -> None:
    """Every published post, its files and photos, and every generated page join MkDocs' list of files."""
    drop_outside_files(build, files, config)
    for view in build.plan.posts:
        file = PostFile.generated(config, view.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = routes.page_dest(view.page_uri, config.use_directory_urls)
        file.post, file.corpus = view.post, build.check.corpus
        files.append(file)
    add_assets(build, files, config)
    add_share_cards(build, files, config)
    for page in build.plan.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=f"# {html.escape(page.title)}\n", inclusion=inclusion))
    if files.get_file_from_path(routes.HOME) is None:
        files.append(File.generated(config, routes.HOME, content="# Chuyên mục tuyên truyền bình đẳng giới\n"))


def drop_outside_files(build: Build, files: Files, config) -> None:
    """Leave out every file of docs/ or the theme's custom_dir that is a symlink leading out of its folder."""
    # MkDocs follows symlinks in docs/ and in the theme's custom_dir: a file there must not
    # bring in a file from elsewhere, outside the column (a key, /proc/self/environ) or inside
    # it (.git/config holds CI's token, .cache anything). A link is published only when it
    # stays in the folder it sits in.
    root = Path(config.config_file_path).resolve().parent
    folders = [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    for file in list(files):
        source = Path(os.path.abspath(file.abs_src_path)) if file.abs_src_path else None
        folder = next((f for f in folders if source and source.is_relative_to(os.path.abspath(f))), None)
        if folder is not None and not source.resolve().is_relative_to(folder.resolve()):
            files.remove(file)
            build.say(Problem(file_label(source, root), "symlink_refused"))


def add_assets(build: Build, files: Files, config) -> None:
    """The files next to posts join the site, and every image of the site is published processed."""
    # Every image the site publishes goes through images: from posts/ as from docs/ or the
    # school's theme folder, decided by its bytes as well as its name. Copies are made in
    # parallel (Pillow works outside the GIL) and cached outside site/; other files as they are.
    root = Path(config.config_file_path).parent
    cache, refused = images.open_cache(root)
    build.photo_cache = cache
    if refused is not None:
        build.say(Problem(images.CACHE_FOLDER, refused))
    posts_dir = build.posts_dir
    for path in build.plan.waiting_assets:
        build.say(Problem(build.check.corpus.prefix + path, "file_held_back", severity=Severity.INFO))
    photos = {
        asset
        for asset in build.plan.assets
        if images.is_image(asset.path, read_head(posts_dir / asset.source, images.SNIFF_BYTES))
    }
    own = _own_images(files, config)
    sources = [posts_dir / asset.source for asset in sorted(photos, key=lambda a: a.path)] + [Path(f.abs_src_path) for f in own]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = dict(zip(sources, pool.map(lambda source: _process(source, cache), sources), strict=True))
    for file in own:
        _publish_own_image(build, files, file, results[Path(file.abs_src_path)], config, root)
    for asset, result, names in _without_name_clashes(build, build.plan.assets, photos, results):
        if result is None:
            file = File.generated(config, asset.src_uri, abs_src_path=str(posts_dir / asset.source))
            file.dest_uri = asset.dest_uri
            files.append(file)
            continue
        for variant, name in zip(result.variants, names, strict=True):
            main = variant is result.main
            file = File.generated(config, asset.src_uri if main else routes.asset_source(name), abs_src_path=variant.path)
            file.dest_uri = routes.asset_dest(name)
            files.append(file)
        build.photos[asset.src_uri] = images.Published(
            result, tuple((posixpath.basename(name), v.width) for name, v in zip(names, result.variants, strict=True))
        )


def add_share_cards(build: Build, files: Files, config) -> None:
    """Every page gets the picture its shared link shows: a post's cover, else a card drawn for it (:mod:`gecolumn.cards`)."""
    # A shared picture needs an absolute address (og:image): without site_url, as without
    # feeds, there is nothing to share and no card is drawn.
    if not config.site_url:
        return
    # After the photos: a cover that could not be published gives its post a card instead.
    # Cards are drawn in parallel (Pillow draws and encodes outside the GIL) into the photo
    # cache, so a rebuild draws only those whose title, school or emblem changed.
    school, cache = build.site.school, build.photo_cache
    emblem = _emblem(files, config)
    wanted: dict[str, tuple[str, str]] = {"": (routes.SITE_CARD, build.site.name)}
    for view in build.plan.posts:
        cover = view.image
        published = build.photos.get(cover.src_uri) if cover and not cover.is_external else None
        if cover and cover.is_external:
            build.share_images[view.src_uri] = ShareImage(cover, alt=view.post.title)
        elif published is not None:
            main = published.processed.main
            build.share_images[view.src_uri] = ShareImage(cover, main.width, main.height, view.post.title)
        else:
            wanted[view.src_uri] = (routes.share_card(view.page_uri), view.post.title)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        made = pool.map(lambda item: cards.share_card(item[1], school, emblem, cache), wanted.values())
        for (src_uri, (path, title)), card in zip(wanted.items(), made, strict=True):
            files.append(File.generated(config, path, abs_src_path=card.main.path))
            width, height = cards.SIZE
            alt = title if src_uri else build.site.label
            build.share_images[src_uri] = ShareImage(Cover(src_uri=path), width, height, alt)


def _emblem(files: Files, config) -> bytes | None:
    """The bytes of the column's logo (``theme.logo``) as published, for the cards; ``None`` when there is none."""
    logo = config.theme.get("logo")
    file = files.get_file_from_path(logo) if isinstance(logo, str) and "://" not in logo else None
    return read_regular(file.abs_src_path, cards.MAX_EMBLEM_BYTES) if file is not None and file.abs_src_path else None


def _without_name_clashes(build: Build, assets, photos: set, results: dict) -> list[tuple]:
    """Each asset to publish, with its processed copies (``None`` for a file published as it is) and their names.

    A refused photo is reported and left out; so are two files that would be published
    under one name (``anh.heic`` and ``anh.jpg`` both as ``anh.jpg``), neither in place of the other.
    """
    said = {(problem.file, problem.code) for problem in build.check.photo_problems}
    taken: dict[str, str] = {}
    """Each published name, folded (one file on Windows), → the label of the file it comes from."""
    chosen: list[tuple] = []
    for asset in assets:
        result = results.get(build.posts_dir / asset.source) if asset in photos else None
        if isinstance(result, images.ImageRefused):
            if (asset.label, result.code) not in said:  # else the check named it already
                build.say(Problem(asset.label, result.code, params=result.params))
            continue
        names = [asset.path] if result is None else [images.published_name(asset.path, result, v.width) for v in result.variants]
        if result is not None:
            names[-1] = images.published_name(asset.path, result)
        clash = next((taken[name.casefold()] for name in names if name.casefold() in taken), None)
        if clash is not None:
            params = {"other": clash, "name": routes.SOURCES + "/" + names[-1]}
            build.say(Problem(asset.label, "asset_name_clash", params=params))
            chosen = [entry for entry in chosen if entry[0].label != clash]
            continue
        taken.update((name.casefold(), asset.label) for name in names)
        chosen.append((asset, result, names))
    return chosen


def _own_images(files: Files, config) -> list[File]:
    """Images of the school's own folders (docs/, the theme's custom_dir): published through the same pipeline."""
    # Paths are compared as written, not resolved: a symlink in docs/ to a photo elsewhere in
    # the column is still one of docs/ (one leading outside was dropped already).
    folders = [Path(os.path.abspath(config.docs_dir))]
    if config.theme.custom_dir:
        folders.append(Path(os.path.abspath(config.theme.custom_dir)))
    found = []
    for file in files:
        source = Path(os.path.abspath(file.abs_src_path)) if file.abs_src_path else None
        if source is None or not any(source.is_relative_to(folder) for folder in folders):
            continue
        if not file.is_documentation_page() and images.is_image(file.src_uri, read_head(source, images.SNIFF_BYTES)):
            found.append(file)
    return found


def _publish_own_image(build: Build, files: Files, file: File, result, config, root: Path) -> None:
    # A photo of docs/ keeps its address; one that is not what its name says (a HEIC, a JPEG
    # named .gif) moves to the extension it now has, and MkDocs rewrites the links to it.
    files.remove(file)
    if isinstance(result, images.ImageRefused):
        build.say(Problem(file_label(Path(file.abs_src_path), root), result.code, params=result.params))
        return
    copy = File.generated(config, file.src_uri, abs_src_path=result.main.path, inclusion=file.inclusion)
    copy.dest_uri = images.published_name(file.dest_uri, result)
    files.append(copy)


def _process(source: Path, cache: images.PhotoCache):
    try:
        return images.process_image(source, cache)
    except images.ImageRefused as refused:
        return refused


def note_photo_urls(build: Build, files: Files) -> None:
    """Remember at which URL each photo is published, for the bodies made after this."""
    build.photo_urls = {file.url: build.photos[file.src_uri] for file in files if file.src_uri in build.photos}


def publish_body(build: Build, view, content: str, page_url: str) -> str:
    """A post's body as the site publishes it: cleaned, each photo with its phone sizes; kept for the feeds."""
    cleaned, removals = clean_body(content)
    post, body = view.post, None
    if removals:
        body = build.check.corpus.body(post)
        where = line_of(body, post.body_line, removals[0])
        removed = ", ".join(r.what for r in removals)
        build.say(Problem(view.src_uri, "html_removed", "body", where, {"removed": removed}, Severity.WARNING))
    # Each photo gets srcset/sizes/width/height here, where its final URL is known.
    cleaned, no_alt = images.responsive(cleaned, page_url, build.photo_urls)
    for src in no_alt:
        body = body or build.check.corpus.body(post)
        name = unquote(src.rsplit("/", 1)[-1])
        where = line_of(body, post.body_line, Removal(name, name))
        build.say(Problem(view.src_uri, "image_no_alt", "body", where, {"image": name}, Severity.INFO))
    build.bodies[view.src_uri] = cleaned
    return cleaned


def write_feeds(build: Build, config) -> None:
    """Write every feed of the plan, each by the writer of its kind (:data:`gecolumn.feeds.WRITERS`)."""
    site_dir, site_url = Path(config.site_dir), config.site_url
    description = build.site.description or "Chuyên mục tuyên truyền bình đẳng giới"
    sizes = {src: published.processed.main.size for src, published in build.photos.items()}
    made: dict[str, str] = {}  # each post's body made absolute once, whatever the feeds it is in
    for feed in build.plan.feeds:
        items = feeds.items_for(feed.posts, build.urls, build.bodies, site_url, sizes, made)
        channel = feeds.Channel(
            feed.title,
            description,
            site_url + build.urls[feed.page].removeprefix("./"),
            site_url + feed.path,
            author=build.site.school,
        )
        target = site_dir / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feeds.write(feed.kind, channel, items))


def write_coverage_data(build: Build, config) -> None:
    """Write ``theo-doi.json``: the coverage as data, for a district's monitor."""
    check = build.check
    document = coverage_document(
        build.plan.posts, check.coverage, check.config, check.today, build.urls, config.site_url, build.site.name
    )
    target = Path(config.site_dir) / routes.COVERAGE_DATA
    target.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def write_server_files(config) -> None:
    """Write ``.htaccess``: Apache serves the feeds as UTF-8, the column's 404 page, long-cached hashed files."""
    (Path(config.site_dir) / web.HTACCESS).write_text(web.htaccess(config.site_url), encoding="utf-8")


def write_editor(build: Build, config) -> None:
    """Publish the web editor at ``quan-tri/``: Decap's files, the page, its script and the ``config.yml`` made for this column."""
    column = build.check.config
    if column is None or column.editor is None:
        return
    try:
        dist, names = editor.bundle(Path(config.config_file_path).parent)
    except editor.EditorMissing as missing:
        params = {"version": editor.DECAP_VERSION, "found": missing.found or "", "folder": missing.looked[0].as_posix()}
        build.say(Problem(settings_label(config), "editor_missing", "extra.column.editor", params=params))
        return
    target = Path(config.site_dir) / routes.EDITOR
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(dist / name, target / name)
    page_files = Path(editor.__file__).parent / "templates" / "editor"
    for name in editor.PAGE_FILES:
        shutil.copyfile(page_files / name, target / name)
    (target / "config.yml").write_text(editor.config_yaml(column, config.site_url or ""), encoding="utf-8")
