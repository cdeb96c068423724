locals {
  site_files = var.site_dir == null ? toset([]) : fileset(var.site_dir, "**")

  content_types = {
    avif        = "image/avif"
    css         = "text/css; charset=utf-8"
    gif         = "image/gif"
    html        = "text/html; charset=utf-8"
    ico         = "image/x-icon"
    jpeg        = "image/jpeg"
    jpg         = "image/jpeg"
    js          = "text/javascript; charset=utf-8"
    json        = "application/json"
    map         = "application/json"
    mjs         = "text/javascript; charset=utf-8"
    pdf         = "application/pdf"
    png         = "image/png"
    svg         = "image/svg+xml"
    ttf         = "font/ttf"
    txt         = "text/plain; charset=utf-8"
    webmanifest = "application/manifest+json"
    webp        = "image/webp"
    woff        = "font/woff"
    woff2       = "font/woff2"
    xml         = "application/xml"
  }

  file_extensions = {
    for file in local.site_files : file => lower(reverse(split(".", file))[0])
  }

  # HTML pages must be revalidated so that a deploy shows at once. Vite puts
  # a content hash in every file name under assets/, so those never change.
  html_files  = [for file in local.site_files : file if endswith(file, ".html")]
  asset_files = [for file in local.site_files : file if startswith(file, "assets/")]

  cache_control = merge(
    { for file in local.site_files : file => var.default_cache_control },
    { for file in local.asset_files : file => "public, max-age=31536000, immutable" },
    { for file in local.html_files : file => "no-cache" },
  )
}

resource "aws_s3_object" "site" {
  for_each = local.site_files

  bucket        = aws_s3_bucket.this.id
  key           = each.value
  source        = "${var.site_dir}/${each.value}"
  etag          = filemd5("${var.site_dir}/${each.value}")
  content_type  = lookup(local.content_types, local.file_extensions[each.value], "application/octet-stream")
  cache_control = local.cache_control[each.value]
}
