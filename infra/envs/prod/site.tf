module "static_site" {
  source = "../../modules/static-site"

  bucket_name                 = coalesce(var.web_bucket_name, "${local.name_prefix}-web-${local.account_id}")
  cloudfront_distribution_arn = module.cloudfront.distribution_arn
  site_dir                    = var.web_dist_dir
  force_destroy               = var.site_bucket_force_destroy
}

module "cloudfront" {
  source = "../../modules/cloudfront"

  name                        = local.name_prefix
  comment                     = "Acredita web app and API (${var.environment})."
  bucket_regional_domain_name = module.static_site.bucket_regional_domain_name
  aliases                     = var.aliases
  acm_certificate_arn         = var.acm_certificate_arn
  price_class                 = var.price_class
  web_acl_arn                 = var.web_acl_arn

  api = {
    rest_api_id = module.api.rest_api_id
    region      = var.region
    stage_name  = module.api.stage_name
  }
}
