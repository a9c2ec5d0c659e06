import { CustomerFormSkeleton } from '@/components/customers/customer-form-skeleton';

export default function NewCustomerLoading() {
  return <CustomerFormSkeleton label="Loading the new customer form" />;
}
