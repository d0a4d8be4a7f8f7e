package model

// StyleKey names one of the four sales styles (domain.md section 3).
type StyleKey string

const (
	StyleNewBusiness     StyleKey = "new_business"
	StyleRoute           StyleKey = "route"
	StyleInsideSales     StyleKey = "inside_sales"
	StyleCustomerSuccess StyleKey = "customer_success"
)
