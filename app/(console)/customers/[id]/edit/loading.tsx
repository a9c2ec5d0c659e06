import { CustomerFormSkeleton } from '@/components/customers/customer-form-skeleton';

export default function EditCustomerLoading() {
  return <CustomerFormSkeleton label="Loading the customer form" />;
}
