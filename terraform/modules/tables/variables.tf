variable "name_prefix" {
  description = "Prefix of every table name, e.g. quayside-prod."
  type        = string
}

variable "point_in_time_recovery" {
  description = "Continuous backups of the tables."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every table."
  type        = map(string)
  default     = {}
}
